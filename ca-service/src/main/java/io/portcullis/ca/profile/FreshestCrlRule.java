package io.portcullis.ca.profile;

import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * freshestCRL (RFC 5280 4.2.1.15, non-critical): where the issuing CA's delta CRL is published,
 * so relying parties holding an older full CRL can catch up with a small download.
 */
public final class FreshestCrlRule implements ProfileRule {

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        GeneralName delta = new GeneralName(GeneralName.uniformResourceIdentifier, input.urls().deltaCrlUrl());
        draft.addExtension(Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(delta)), null, null)}));
    }
}
