package io.portcullis.ca.revocation;

import io.portcullis.ca.error.PortcullisException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * RFC 5280 §5.3.1 CRLReason codes that an operator may request. Value 7 is unused by the RFC and
 * removeFromCRL (8) is not requested directly: it is what releasing a certificate from hold means.
 */
public enum RevocationReason {
    UNSPECIFIED("unspecified", 0),
    KEY_COMPROMISE("keyCompromise", 1),
    CA_COMPROMISE("cACompromise", 2),
    AFFILIATION_CHANGED("affiliationChanged", 3),
    SUPERSEDED("superseded", 4),
    CESSATION_OF_OPERATION("cessationOfOperation", 5),
    CERTIFICATE_HOLD("certificateHold", 6),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", 9),
    AA_COMPROMISE("aACompromise", 10);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    /** The RFC 5280 name, e.g. {@code keyCompromise}; also the API's wire form. */
    public String rfcName() {
        return rfcName;
    }

    /** The CRLReason enumerated value, as written into CRL entries and OCSP responses. */
    public int code() {
        return code;
    }

    public static RevocationReason parse(String value) {
        if (value == null || value.isBlank()) {
            return UNSPECIFIED;
        }
        return Arrays.stream(values())
                .filter(r -> r.rfcName.equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> PortcullisException.badRequest("invalid-revocation-reason",
                        "reason must be one of " + Arrays.stream(values()).map(RevocationReason::rfcName)
                                .collect(Collectors.joining(", ")) + "; got '" + value + "'"));
    }
}
