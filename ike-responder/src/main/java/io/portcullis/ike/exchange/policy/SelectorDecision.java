package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.util.Objects;

/** The outcome of checking Quick Mode IDci/IDcr against what peer and gateway may use. */
public sealed interface SelectorDecision {

    /**
     * @param remote the peer-side selector (IDci), possibly narrowed
     * @param local the gateway-side selector (IDcr), possibly narrowed
     * @param idci the IDci to send back (the received one unless narrowed)
     * @param idcr the IDcr to send back
     */
    record Agreed(TrafficSelector remote, TrafficSelector local, IdentificationPayload idci,
            IdentificationPayload idcr, boolean narrowed) implements SelectorDecision {

        public Agreed {
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(idci, "idci");
            Objects.requireNonNull(idcr, "idcr");
        }
    }

    /** Answered with INVALID_ID_INFORMATION (RFC 2407 §4.6.2, RFC 2408 §3.14.1). */
    record Refused(String reason) implements SelectorDecision {
    }
}
