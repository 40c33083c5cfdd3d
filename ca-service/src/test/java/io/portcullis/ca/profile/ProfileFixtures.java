package io.portcullis.ca.profile;

import io.portcullis.ca.hierarchy.TestHierarchy;
import io.portcullis.ca.issuance.CsrDetails;
import io.portcullis.ca.issuance.CsrParser;
import io.portcullis.ca.keys.PemCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Inputs for profile tests: CSRs go through the real parser, the issuer is the test hierarchy's issuing CA. */
public final class ProfileFixtures {

    /** A day after the test CA was created. */
    public static final Instant NOW = TestHierarchy.CREATED.plus(Duration.ofDays(1));

    private ProfileFixtures() {
    }

    public static CsrDetails details(PKCS10CertificationRequest csr) {
        return new CsrParser().parse(PemCodec.toPem(csr));
    }

    public static ProfileInput input(PKCS10CertificationRequest csr) {
        return input(csr, NOW, Optional.empty(), TestHierarchy.DEFAULT.issuing().certificate());
    }

    public static ProfileInput input(PKCS10CertificationRequest csr, Optional<Duration> validity) {
        return input(csr, NOW, validity, TestHierarchy.DEFAULT.issuing().certificate());
    }

    public static ProfileInput input(PKCS10CertificationRequest csr, Instant now, Optional<Duration> validity, X509CertificateHolder issuer) {
        return new ProfileInput(details(csr), now, validity, issuer, TestHierarchy.URLS);
    }

    public static String crlUrl(CertificateDraft draft) {
        CRLDistPoint cdp = CRLDistPoint.getInstance(extension(draft, Extension.cRLDistributionPoints).getParsedValue());
        return GeneralNames.getInstance(cdp.getDistributionPoints()[0].getDistributionPoint().getName()).getNames()[0].getName().toString();
    }

    public static Extension extension(CertificateDraft draft, ASN1ObjectIdentifier oid) {
        return draft.extensions().stream().filter(e -> e.getExtnId().equals(oid)).findFirst().orElse(null);
    }
}
