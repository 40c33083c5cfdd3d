package io.portcullis.ca.hierarchy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.SerialNumberGenerator;
import io.portcullis.ca.keys.KeyIdentifiers;
import io.portcullis.ca.profile.IpAddressBlocks;
import io.portcullis.ca.signing.SoftwareCaSigner;
import io.portcullis.ca.signing.SoftwareContentSigners;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Generates the two-level CA hierarchy on first start: a self-signed root and an issuing CA
 * that signs every end-entity certificate, CRL and (directly or via a delegate) OCSP response.
 */
public final class CaHierarchyFactory {

    /**
     * Both CAs delegate every IPv4 and IPv6 address (RFC 3779). Gateway certificates carry the
     * subnets a peer may tunnel as an IP address delegation, and RFC 3779 path validation (OpenSSL,
     * strongSwan's addrblock plugin) requires each issuer to hold a superset of them. Non-critical
     * here (RFC 3779 says SHOULD be critical): validators that do not know the extension, such as
     * the JDK's PKIX for TLS certificates from this CA, must still accept the CA certificates.
     */
    private static final IpAddressBlocks ALL_ADDRESSES = IpAddressBlocks.parse(java.util.List.of("0.0.0.0/0", "::/0"));

    private final Clock clock;
    private final SecureRandom random;
    private final SerialNumberGenerator serials;

    public CaHierarchyFactory(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        this.serials = new SerialNumberGenerator(random);
    }

    public GeneratedHierarchy create(CaHierarchySpec spec) {
        // Certificates carry whole seconds; truncating here keeps the stored instants exact.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        GeneratedCa root = createRoot(spec, now);
        GeneratedCa issuing = createIssuing(spec, root, now);
        return new GeneratedHierarchy(root, issuing);
    }

    private GeneratedCa createRoot(CaHierarchySpec spec, Instant now) {
        KeyPair keyPair = spec.rootKey().generate(random);
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
        X500Name subject = parseDn(spec.rootSubjectDn());
        Instant notAfter = now.plus(spec.rootValidity()).minusSeconds(1);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, serials.next(),
                Date.from(now), Date.from(notAfter), subject, publicKey);
        try {
            // No pathLen on the root: the depth below it is limited by the issuing CA's pathLen 0.
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subjectKeyIdentifier(publicKey));
            builder.addExtension(IpAddressBlocks.OID, false, ALL_ADDRESSES.toExtensionValue());
        } catch (CertIOException e) {
            throw PortcullisException.internal("ca-bootstrap-failed", "cannot encode root CA extensions: " + e.getMessage(), e);
        }
        // The one self-signature: no CaSigner can exist before the root certificate does.
        ContentSigner selfSigner = SoftwareContentSigners.create(keyPair.getPrivate(),
                SoftwareContentSigners.signatureAlgorithmFor(publicKey), random);
        return new GeneratedCa(keyPair, builder.build(selfSigner));
    }

    private GeneratedCa createIssuing(CaHierarchySpec spec, GeneratedCa root, Instant now) {
        KeyPair keyPair = spec.issuingKey().generate(random);
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
        X509CertificateHolder rootCert = root.certificate();
        Instant notAfter = min(now.plus(spec.issuingValidity()).minusSeconds(1), rootCert.getNotAfter().toInstant());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(rootCert.getSubject(), serials.next(),
                Date.from(now), Date.from(notAfter), parseDn(spec.issuingSubjectDn()), publicKey);
        PkiUrls urls = spec.urls();
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            // digitalSignature lets this CA sign OCSP responses itself when no delegate is configured.
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subjectKeyIdentifier(publicKey));
            builder.addExtension(IpAddressBlocks.OID, false, ALL_ADDRESSES.toExtensionValue());
            builder.addExtension(Extension.authorityKeyIdentifier, false, KeyIdentifiers.authorityKeyIdentifier(rootCert));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(urls.rootCrlUrl()))), null, null)}));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_caIssuers, uri(urls.rootCaIssuersUrl()))));
        } catch (CertIOException e) {
            throw PortcullisException.internal("ca-bootstrap-failed", "cannot encode issuing CA extensions: " + e.getMessage(), e);
        }
        SoftwareCaSigner rootSigner = new SoftwareCaSigner(root.keyPair().getPrivate(), List.of(rootCert), random);
        return new GeneratedCa(keyPair, builder.build(rootSigner.newContentSigner()));
    }

    private static X500Name parseDn(String dn) {
        try {
            X500Name name = new X500Name(BCStyle.INSTANCE, dn);
            if (name.getRDNs().length == 0) {
                throw PortcullisException.badRequest("invalid-subject-dn", "a CA subject DN must not be empty");
            }
            return name;
        } catch (IllegalArgumentException e) {
            throw PortcullisException.badRequest("invalid-subject-dn", "'" + dn + "' is not a valid X.500 name: " + e.getMessage(), e);
        }
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
