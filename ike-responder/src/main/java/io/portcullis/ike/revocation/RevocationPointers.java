package io.portcullis.ike.revocation;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Where a certificate says its status is published: the OCSP URLs of its Authority Information
 * Access extension (RFC 5280 §4.2.2.1) and the full-name URLs of its CRL distribution points
 * (§4.2.1.13). Only http URLs, at most {@link #MAX_URLS} of each, so a hostile certificate cannot
 * make us fetch from a long list.
 */
final class RevocationPointers {

    static final int MAX_URLS = 4;

    private RevocationPointers() {
    }

    static List<URI> ocsp(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        List<URI> urls = new ArrayList<>();
        if (extension == null) {
            return urls;
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(unwrap(extension));
            for (AccessDescription description : aia.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                    http(description.getAccessLocation(), urls);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            return List.of(); // an undecodable extension points nowhere; the decision log says no URL
        }
        return urls;
    }

    static List<URI> crl(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<URI> urls = new ArrayList<>();
        if (extension == null) {
            return urls;
        }
        try {
            for (DistributionPoint point : CRLDistPoint.getInstance(unwrap(extension)).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        http(general, urls);
                    }
                }
            }
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            return List.of();
        }
        return urls;
    }

    private static ASN1Primitive unwrap(byte[] extensionValue) {
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extensionValue).getOctets());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("undecodable extension", e);
        }
    }

    private static void http(GeneralName name, List<URI> into) {
        if (into.size() >= MAX_URLS || name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return;
        }
        String text = DERIA5String.getInstance(name.getName()).getString();
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("http") && uri.getHost() != null) {
                into.add(uri);
            }
        } catch (URISyntaxException ignored) {
            // not a URL we can fetch from; the others (if any) still count
        }
    }
}
