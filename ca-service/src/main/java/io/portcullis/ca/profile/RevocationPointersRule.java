package io.portcullis.ca.profile;

import io.portcullis.ca.hierarchy.PkiUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Where relying parties check this certificate: CRL distribution point and AIA (OCSP and
 * caIssuers). Which URLs are used depends on who signs: the issuing CA's for end entities, the
 * root's for sub-CAs (only the root can sign those, since the issuing CA has pathLen 0).
 */
public final class RevocationPointersRule implements ProfileRule {

    private final Function<PkiUrls, String> crl;
    private final Function<PkiUrls, String> ocsp;
    private final Function<PkiUrls, String> caIssuers;

    private RevocationPointersRule(Function<PkiUrls, String> crl, Function<PkiUrls, String> ocsp, Function<PkiUrls, String> caIssuers) {
        this.crl = crl;
        this.ocsp = ocsp;
        this.caIssuers = caIssuers;
    }

    /** CDP, OCSP and caIssuers of the issuing CA: every ordinary end-entity certificate. */
    public static RevocationPointersRule issuingCaFull() {
        return new RevocationPointersRule(PkiUrls::crlUrl, PkiUrls::ocspUrl, PkiUrls::caIssuersUrl);
    }

    /** caIssuers only: for an OCSP signer with ocsp-nocheck, whose status is never checked. */
    public static RevocationPointersRule issuingCaIssuersOnly() {
        return new RevocationPointersRule(null, null, PkiUrls::caIssuersUrl);
    }

    /** The root's CRL and certificate: for CA certificates the root signs. */
    public static RevocationPointersRule root() {
        return new RevocationPointersRule(PkiUrls::rootCrlUrl, null, PkiUrls::rootCaIssuersUrl);
    }

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        PkiUrls urls = input.urls();
        if (crl != null) {
            DistributionPoint point = new DistributionPoint(
                    new DistributionPointName(new GeneralNames(uri(crl.apply(urls)))), null, null);
            draft.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
        }
        List<AccessDescription> access = new ArrayList<>();
        if (ocsp != null) {
            access.add(new AccessDescription(AccessDescription.id_ad_ocsp, uri(ocsp.apply(urls))));
        }
        if (caIssuers != null) {
            access.add(new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caIssuers.apply(urls))));
        }
        if (!access.isEmpty()) {
            draft.addExtension(Extension.authorityInfoAccess, false,
                    new AuthorityInformationAccess(access.toArray(new AccessDescription[0])));
        }
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }
}
