package io.portcullis.enrollment.scep;

/** SCEP failInfo (RFC 8894 §3.2.1.4). */
public enum FailInfo {
    BAD_ALG("0"), BAD_MESSAGE_CHECK("1"), BAD_REQUEST("2"), BAD_TIME("3"), BAD_CERT_ID("4");

    private final String wire;

    FailInfo(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
