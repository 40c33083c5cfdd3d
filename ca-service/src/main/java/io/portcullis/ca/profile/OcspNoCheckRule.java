package io.portcullis.ca.profile;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;

/**
 * id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1): clients trust a delegated OCSP signer for its
 * lifetime instead of asking OCSP about the signer itself, which would never terminate.
 * That is also why the OCSP signer profile keeps validity short.
 */
public final class OcspNoCheckRule implements ProfileRule {

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        draft.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    }
}
