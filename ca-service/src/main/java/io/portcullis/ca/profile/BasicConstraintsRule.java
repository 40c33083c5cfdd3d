package io.portcullis.ca.profile;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;

/** basicConstraints, critical: CA with a path length, or an explicit {@code cA=FALSE} for end entities. */
public final class BasicConstraintsRule implements ProfileRule {

    private final BasicConstraints constraints;

    private BasicConstraintsRule(BasicConstraints constraints) {
        this.constraints = constraints;
    }

    /** Explicit CA:FALSE, as OpenSSL writes it, so no client can mistake the leaf for a CA. */
    public static BasicConstraintsRule endEntity() {
        return new BasicConstraintsRule(new BasicConstraints(false));
    }

    public static BasicConstraintsRule ca(int pathLength) {
        return new BasicConstraintsRule(new BasicConstraints(pathLength));
    }

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        draft.addExtension(Extension.basicConstraints, true, constraints);
    }
}
