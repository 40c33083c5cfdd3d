package io.portcullis.enrollment.scep;

import io.portcullis.ca.error.PortcullisException;
import java.io.IOException;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

/** Degenerate ("certs-only") PKCS#7 SignedData: certificates and CRLs, no signer (RFC 8894 §3.4). */
public final class Pkcs7 {

    private Pkcs7() {
    }

    public static byte[] certsOnly(List<X509CertificateHolder> certificates, List<X509CRLHolder> crls) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(certificates));
            if (!crls.isEmpty()) {
                generator.addCRLs(new CollectionStore<>(crls));
            }
            return generator.generate(new CMSAbsentContent()).getEncoded("DER");
        } catch (CMSException | IOException e) {
            throw PortcullisException.internal("pkcs7-encoding-failed", "cannot encode a certs-only PKCS#7: " + e.getMessage(), e);
        }
    }
}
