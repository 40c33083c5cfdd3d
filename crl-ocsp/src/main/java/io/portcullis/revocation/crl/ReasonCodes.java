package io.portcullis.revocation.crl;

import io.portcullis.ca.revocation.RevocationReason;
import java.util.HashMap;
import java.util.Map;

/** RFC 5280 reason names as stored by ca-service → the CRLReason code written into CRL entries and OCSP. */
public final class ReasonCodes {

    private static final Map<String, Integer> CODES = new HashMap<>();

    static {
        for (RevocationReason reason : RevocationReason.values()) {
            CODES.put(reason.rfcName(), reason.code());
        }
    }

    private ReasonCodes() {
    }

    /**
     * The code for a stored reason name; unspecified (and a missing or unknown name, which a
     * hand-edited row could hold) give {@link RevokedEntry#NO_REASON}: the entry still lists
     * the certificate as revoked, which is what matters.
     */
    public static int codeOf(String rfcName) {
        Integer code = rfcName == null ? null : CODES.get(rfcName);
        return code == null || code == 0 ? RevokedEntry.NO_REASON : code;
    }
}
