package io.portcullis.enrollment.scep;

/** A request that must be answered with CertRep FAILURE and this failInfo; the text goes into failInfoText. */
public final class ScepFailure extends RuntimeException {

    private final FailInfo failInfo;

    public ScepFailure(FailInfo failInfo, String text) {
        super(text);
        this.failInfo = failInfo;
    }

    public FailInfo failInfo() {
        return failInfo;
    }
}
