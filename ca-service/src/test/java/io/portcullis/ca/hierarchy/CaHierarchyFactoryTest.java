package io.portcullis.ca.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.keys.KeyAlgorithm;
import io.portcullis.ca.keys.PemCodec;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class CaHierarchyFactoryTest {

    private final X509CertificateHolder root = TestHierarchy.DEFAULT.root().certificate();
    private final X509CertificateHolder issuing = TestHierarchy.DEFAULT.issuing().certificate();

    @Test
    void issuingChainValidatesWithTheRootAsTrustAnchor() throws Exception {
        X509Certificate rootJca = PemCodec.toJca(root);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(rootJca, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(TestHierarchy.CREATED.plus(Duration.ofDays(1))));

        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(PemCodec.toJca(issuing))), parameters);

        assertThat(result.getPublicKey()).isEqualTo(PemCodec.toJca(issuing).getPublicKey());
    }

    @Test
    void rootIsSelfSignedCaWithCriticalConstraintsAndNoPathLength() throws Exception {
        assertThat(root.getIssuer()).isEqualTo(root.getSubject());
        assertThat(root.getSubject().toString()).isEqualTo("CN=Portcullis Root CA,O=Portcullis");
        Extension bc = root.getExtension(Extension.basicConstraints);
        assertThat(bc.isCritical()).isTrue();
        assertThat(BasicConstraints.getInstance(bc.getParsedValue()).isCA()).isTrue();
        assertThat(BasicConstraints.getInstance(bc.getParsedValue()).getPathLenConstraint()).isNull();
        Extension ku = root.getExtension(Extension.keyUsage);
        assertThat(ku.isCritical()).isTrue();
        assertThat(KeyUsage.getInstance(ku.getParsedValue())).isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        assertThat(root.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
        assertThat(PemCodec.toJca(root).getSigAlgName()).isEqualTo("SHA384withECDSA");
    }

    @Test
    void issuingCaHasPathLenZeroAkiMatchingRootSkiAndRootRevocationPointers() {
        BasicConstraints bc = BasicConstraints.fromExtensions(issuing.getExtensions());
        assertThat(issuing.getExtension(Extension.basicConstraints).isCritical()).isTrue();
        assertThat(bc.isCA()).isTrue();
        assertThat(bc.getPathLenConstraint().intValue()).isZero();
        assertThat(issuing.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(KeyUsage.fromExtensions(issuing.getExtensions()))
                .isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        assertThat(AuthorityKeyIdentifier.fromExtensions(issuing.getExtensions()).getKeyIdentifier())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(root.getExtensions()).getKeyIdentifier());
        assertThat(SubjectKeyIdentifier.fromExtensions(issuing.getExtensions())).isNotNull();

        CRLDistPoint cdp = CRLDistPoint.fromExtensions(issuing.getExtensions());
        String crl = GeneralNames.getInstance(cdp.getDistributionPoints()[0].getDistributionPoint().getName()).getNames()[0].getName().toString();
        assertThat(crl).isEqualTo("https://ca.example.test/pki/root-ca.crl");
        AccessDescription[] aia = AuthorityInformationAccess.fromExtensions(issuing.getExtensions()).getAccessDescriptions();
        assertThat(aia).extracting(AccessDescription::getAccessMethod).containsExactly(AccessDescription.id_ad_caIssuers);
        assertThat(aia[0].getAccessLocation().getName().toString()).isEqualTo("https://ca.example.test/pki/root-ca.crt");
    }

    @Test
    void validityPeriodsAreTwentyAndTenYearsFromCreation() {
        assertThat(root.getNotBefore().toInstant()).isEqualTo(TestHierarchy.CREATED);
        assertThat(issuing.getNotBefore().toInstant()).isEqualTo(TestHierarchy.CREATED);
        // notAfter is inclusive (RFC 5280 4.1.2.5), hence the one second.
        assertThat(Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()).plusSeconds(1))
                .isEqualTo(CaHierarchySpec.years(20));
        assertThat(Duration.between(issuing.getNotBefore().toInstant(), issuing.getNotAfter().toInstant()).plusSeconds(1))
                .isEqualTo(CaHierarchySpec.years(10));
    }

    @Test
    void serialsAreDistinctPositive128BitRandomNumbers() {
        assertThat(root.getSerialNumber().signum()).isPositive();
        assertThat(root.getSerialNumber().bitLength()).isBetween(100, 128);
        assertThat(issuing.getSerialNumber().bitLength()).isBetween(100, 128);
        assertThat(root.getSerialNumber()).isNotEqualTo(issuing.getSerialNumber());
    }

    @Test
    void issuingCaNeverOutlivesTheRoot() {
        CaHierarchySpec spec = new CaHierarchySpec("CN=R", KeyAlgorithm.EC_P256, Duration.ofDays(10), "CN=I",
                KeyAlgorithm.EC_P256, Duration.ofDays(10), TestHierarchy.URLS);
        GeneratedHierarchy h = new CaHierarchyFactory(Clock.fixed(TestHierarchy.CREATED, ZoneOffset.UTC), new SecureRandom()).create(spec);

        assertThat(h.issuing().certificate().getNotAfter()).isEqualTo(h.root().certificate().getNotAfter());
    }

    @Test
    void specRefusesIssuingValidityLongerThanRoot() {
        assertThatThrownBy(() -> new CaHierarchySpec("CN=R", KeyAlgorithm.EC_P256, Duration.ofDays(10), "CN=I",
                KeyAlgorithm.EC_P256, Duration.ofDays(11), TestHierarchy.URLS))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("invalid-hierarchy-spec"));
    }

    @Test
    void invalidSubjectDnIsABadRequest() {
        CaHierarchySpec spec = new CaHierarchySpec("not a dn", KeyAlgorithm.EC_P256, Duration.ofDays(10), "CN=I",
                KeyAlgorithm.EC_P256, Duration.ofDays(5), TestHierarchy.URLS);
        assertThatThrownBy(() -> new CaHierarchyFactory(Clock.systemUTC(), new SecureRandom()).create(spec))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("invalid-subject-dn"));
    }

    @Test
    void defaultsAreP384RootAndP256Issuing() {
        CaHierarchySpec spec = CaHierarchySpec.defaults(TestHierarchy.URLS);
        assertThat(spec.rootKey()).isEqualTo(KeyAlgorithm.EC_P384);
        assertThat(spec.issuingKey()).isEqualTo(KeyAlgorithm.EC_P256);
        assertThat(Arrays.asList(spec.rootSubjectDn(), spec.issuingSubjectDn()))
                .containsExactly("CN=Portcullis Root CA,O=Portcullis", "CN=Portcullis Issuing CA,O=Portcullis");
    }
}
