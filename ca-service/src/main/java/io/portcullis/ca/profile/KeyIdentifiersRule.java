package io.portcullis.ca.profile;

import io.portcullis.ca.keys.KeyIdentifiers;
import org.bouncycastle.asn1.x509.Extension;

/** SKI from the subject key and AKI equal to the issuer's SKI, so chains build by key id. */
public final class KeyIdentifiersRule implements ProfileRule {

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        draft.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subjectKeyIdentifier(draft.publicKey()));
        draft.addExtension(Extension.authorityKeyIdentifier, false, KeyIdentifiers.authorityKeyIdentifier(input.issuer()));
    }
}
