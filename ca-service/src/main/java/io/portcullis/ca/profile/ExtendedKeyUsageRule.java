package io.portcullis.ca.profile;

import java.util.List;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Extended key usage, non-critical so relying parties that do not know a purpose can still chain. */
public final class ExtendedKeyUsageRule implements ProfileRule {

    private final List<KeyPurposeId> purposes;

    public ExtendedKeyUsageRule(KeyPurposeId... purposes) {
        this.purposes = List.of(purposes);
    }

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        draft.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
    }
}
