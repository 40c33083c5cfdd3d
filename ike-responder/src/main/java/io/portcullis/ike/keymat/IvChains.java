package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IV chains of one IKE SA: the phase 1 chain plus one chain per Quick Mode or Informational
 * message ID. A peer chooses message IDs, so the per-M-ID chains are bounded: beyond
 * {@code maxExchanges} the least recently used one is forgotten (a late message for it then
 * fails to decrypt into sense and is dropped, which is what would happen anyway).
 */
public final class IvChains {

    private final PrfAlgorithm hash;
    private final IvChain phase1;
    private final Map<Integer, IvChain> byMessageId;

    public IvChains(PrfAlgorithm hash, IvChain phase1, int maxExchanges) {
        if (maxExchanges < 1) {
            throw new IllegalArgumentException("at least one phase 2 exchange must fit");
        }
        this.hash = hash;
        this.phase1 = phase1;
        this.byMessageId = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, IvChain> eldest) {
                return size() > maxExchanges;
            }
        };
    }

    /** The Main Mode chain. */
    public IvChain phase1() {
        return phase1;
    }

    /**
     * The chain of the exchange with this message ID, started from the phase 1 chain's current
     * head on first use. Call only once phase 1 is complete, so that head is the last phase 1
     * CBC output block (RFC 2409 Appendix B).
     */
    public IvChain forMessageId(int messageId) {
        if (messageId == 0) {
            throw new IllegalArgumentException("message ID 0 is phase 1");
        }
        return byMessageId.computeIfAbsent(messageId, id -> IvChain.phase2(hash, phase1, id));
    }

    /** Forgets a finished exchange's chain. */
    public void forget(int messageId) {
        byMessageId.remove(messageId);
    }

    /** Number of phase 2 / Informational chains currently held. */
    public int size() {
        return byMessageId.size();
    }
}
