package io.portcullis.enrollment.scep;

import java.util.Map;

/** SCEP messageType (RFC 8894 §3.2.1.2): an open value type, so an unknown type is answered, not a crash. */
public record MessageType(int code) {

    public static final MessageType CERT_REP = new MessageType(3);
    public static final MessageType RENEWAL_REQ = new MessageType(17);
    public static final MessageType PKCS_REQ = new MessageType(19);
    public static final MessageType CERT_POLL = new MessageType(20);
    public static final MessageType GET_CERT = new MessageType(21);
    public static final MessageType GET_CRL = new MessageType(22);

    private static final Map<Integer, String> NAMES = Map.of(3, "CertRep", 17, "RenewalReq", 19, "PKCSReq", 20, "CertPoll",
            21, "GetCert", 22, "GetCRL");

    /** Parses the PrintableString form ("19"); anything unparsable becomes code -1. */
    public static MessageType parse(String text) {
        try {
            return new MessageType(Integer.parseInt(text.strip()));
        } catch (RuntimeException e) {
            return new MessageType(-1);
        }
    }

    public String wire() {
        return Integer.toString(code);
    }

    @Override
    public String toString() {
        return NAMES.getOrDefault(code, "unknown(" + code + ")");
    }
}
