package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.policy.Phase1Selection;
import io.portcullis.ike.keymat.IkeMessageCrypto;
import io.portcullis.ike.keymat.IvChains;
import io.portcullis.ike.keymat.Phase1Keys;
import java.util.Objects;

/**
 * What Phase 1 hands the IKE SA to protect everything after it: the chosen proposal (PRF, cipher,
 * lifetime), the SKEYID family, message encryption and the IV chains per message ID.
 */
record Phase1Keying(Phase1Selection selection, Phase1Keys keys, IkeMessageCrypto crypto, IvChains ivs) {

    Phase1Keying {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(ivs, "ivs");
    }

    /** Wipes the keys; nothing can be protected with them afterwards. */
    void destroy() {
        keys.destroy();
        crypto.destroy();
    }
}
