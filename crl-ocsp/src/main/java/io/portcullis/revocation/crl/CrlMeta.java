package io.portcullis.revocation.crl;

import java.time.Duration;
import java.time.Instant;

/** A published CRL without its bytes: enough to decide whether a new one is due. */
public record CrlMeta(String issuerId, CrlKind kind, long number, Long baseNumber, Instant thisUpdate, Instant nextUpdate, int entries) {

    /** RFC 5280 leaves the schedule to the CA; re-issuing at half-life leaves clients a whole half to fetch. */
    public boolean pastHalfLife(Instant now) {
        Duration half = Duration.between(thisUpdate, nextUpdate).dividedBy(2);
        return !now.isBefore(thisUpdate.plus(half));
    }
}
