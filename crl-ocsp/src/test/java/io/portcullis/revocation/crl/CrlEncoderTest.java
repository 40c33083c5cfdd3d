package io.portcullis.revocation.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.revocation.TestCa;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;

import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class CrlEncoderTest {

    private static final Instant THIS_UPDATE = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NEXT_UPDATE = Instant.parse("2026-03-02T10:00:00Z");
    private static final CrlUrls URLS = CrlUrls.of(TestCa.URLS, "issuing");

    private static CrlEncoder.Header header() {
        return new CrlEncoder.Header(TestCa.ISSUING.certificate().getSubject(), TestCa.ISSUING.signatureAlgorithm(),
                THIS_UPDATE, NEXT_UPDATE, CrlExtensionsFactory.full(7, TestCa.ISSUING.certificate(), URLS));
    }

    private static List<RevokedEntry> sampleEntries(int count, long seed) {
        Random random = new Random(seed);
        int[] reasons = {RevokedEntry.NO_REASON, 1, 2, 3, 4, 5, 6, 9, 10};
        List<RevokedEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serial = new BigInteger(1 + random.nextInt(159), random).add(BigInteger.ONE).toString(16);
            Instant revoked = THIS_UPDATE.minusSeconds(random.nextInt(100_000_000));
            Instant invalidity = random.nextBoolean() ? revoked.minusSeconds(random.nextInt(86_400)) : null;
            entries.add(new RevokedEntry(serial, revoked, reasons[random.nextInt(reasons.length)], invalidity));
        }
        return entries;
    }

    /** The same CRL through Bouncy Castle's in-memory builder: the reference for the streaming encoder. */
    private static X509CRLHolder bouncyCastle(List<RevokedEntry> entries) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(TestCa.ISSUING.certificate().getSubject(), Date.from(THIS_UPDATE));
        builder.setNextUpdate(Date.from(NEXT_UPDATE));
        for (RevokedEntry e : entries) {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            if (e.reasonCode() != RevokedEntry.NO_REASON) {
                ext.addExtension(Extension.reasonCode, false, CRLReason.lookup(e.reasonCode()));
            }
            if (e.invalidityDate() != null) {
                ext.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(e.invalidityDate())));
            }
            if (ext.isEmpty()) {
                builder.addCRLEntry(new BigInteger(e.serialHex(), 16), Date.from(e.revocationDate()), null);
            } else {
                builder.addCRLEntry(new BigInteger(e.serialHex(), 16), Date.from(e.revocationDate()), ext.generate());
            }
        }
        for (var oid : header().extensions().getExtensionOIDs()) {
            builder.addExtension(header().extensions().getExtension(oid));
        }
        return builder.build(TestCa.ISSUING.newContentSigner());
    }

    private static byte[] encode(List<RevokedEntry> entries) {
        CrlEncoder encoder = new CrlEncoder(entries.size());
        entries.forEach(encoder::add);
        return encoder.sign(header(), TestCa.ISSUING.newContentSigner());
    }

    @Test
    void tbsCertListIsByteForByteWhatBouncyCastleBuilds() throws Exception {
        // 3,000 entries push the list past the 2- and 3-byte DER length forms.
        List<RevokedEntry> entries = sampleEntries(3_000, 42);
        X509CRLHolder ours = new X509CRLHolder(encode(entries));
        assertThat(ours.toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER))
                .isEqualTo(bouncyCastle(entries).toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER));
    }

    @Test
    void signatureVerifiesWithTheIssuersKeyInTheJdk() throws Exception {
        byte[] der = encode(sampleEntries(10, 1));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        crl.verify(io.portcullis.ca.keys.PemCodec.toJca(TestCa.ISSUING.certificate()).getPublicKey());
        assertThat(new X509CRLHolder(der).isSignatureValid(new JcaContentVerifierProviderBuilder().build(TestCa.ISSUING.certificate())))
                .isTrue();
        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(THIS_UPDATE);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NEXT_UPDATE);
    }

    @Test
    void entriesCarryReasonAndInvalidityDateAndOmitUnspecified() throws Exception {
        Instant revoked = Instant.parse("2026-02-01T12:34:56Z");
        Instant invalid = Instant.parse("2026-01-31T00:00:00Z");
        byte[] der = encode(List.of(
                new RevokedEntry("ff01", revoked, 1, invalid),
                new RevokedEntry("abc", revoked, RevokedEntry.NO_REASON, null),
                new RevokedEntry("7f", revoked, RevokedEntry.CERTIFICATE_HOLD, null)));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));

        X509CRLEntry compromised = crl.getRevokedCertificate(new BigInteger("ff01", 16));
        assertThat(compromised.getRevocationDate().toInstant()).isEqualTo(revoked);
        assertThat(compromised.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(new X509CRLHolder(der).getRevokedCertificate(new BigInteger("ff01", 16)).getExtensions()
                .getExtension(Extension.invalidityDate)).isNotNull();
        X509CRLEntry plain = crl.getRevokedCertificate(new BigInteger("abc", 16));
        assertThat(plain.hasExtensions()).isFalse();
        assertThat(crl.getRevokedCertificate(BigInteger.valueOf(0x7f)).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.CERTIFICATE_HOLD);
    }

    @Test
    void serialWithTopBitSetStaysPositive() throws Exception {
        byte[] der = encode(List.of(new RevokedEntry("80", THIS_UPDATE, 1, null),
                new RevokedEntry("ffffffffffffffffffffffffffffffffffffffff", THIS_UPDATE, 1, null)));
        X509CRLHolder crl = new X509CRLHolder(der);
        assertThat(crl.getRevokedCertificate(BigInteger.valueOf(0x80))).isNotNull();
        assertThat(crl.getRevokedCertificate(new BigInteger("ffffffffffffffffffffffffffffffffffffffff", 16))).isNotNull();
    }

    @Test
    void datesFrom2050AreGeneralizedTime() throws Exception {
        Instant late = Instant.parse("2051-06-01T00:00:00Z");
        List<RevokedEntry> entries = List.of(new RevokedEntry("1234", late, 4, null));
        X509CRLHolder ours = new X509CRLHolder(encode(entries));
        assertThat(ours.getRevokedCertificate(BigInteger.valueOf(0x1234)).getRevocationDate().toInstant()).isEqualTo(late);
        assertThat(ours.toASN1Structure().getTBSCertList().getEncoded())
                .isEqualTo(bouncyCastle(entries).toASN1Structure().getTBSCertList().getEncoded());
    }

    @Test
    void emptyCrlHasNoRevokedCertificatesField() throws Exception {
        X509CRLHolder crl = new X509CRLHolder(encode(List.of()));
        assertThat(crl.getRevokedCertificates()).isEmpty();
        assertThat(crl.toASN1Structure().getTBSCertList().getRevokedCertificateEnumeration().hasMoreElements()).isFalse();
        assertThat(crl.toASN1Structure().getTBSCertList().getEncoded())
                .isEqualTo(bouncyCastle(List.of()).toASN1Structure().getTBSCertList().getEncoded());
    }

    @Test
    void refusesBadEntriesAndSecondUse() {
        assertThatThrownBy(() -> new RevokedEntry("1", THIS_UPDATE, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RevokedEntry("1", THIS_UPDATE, 7, null)).isInstanceOf(IllegalArgumentException.class);
        CrlEncoder encoder = new CrlEncoder(1);
        assertThatThrownBy(() -> encoder.add(new RevokedEntry("XYZ", THIS_UPDATE, 1, null))).isInstanceOf(IllegalArgumentException.class);
        encoder.sign(header(), TestCa.ISSUING.newContentSigner());
        assertThatThrownBy(() -> encoder.sign(header(), TestCa.ISSUING.newContentSigner())).isInstanceOf(IllegalStateException.class);
    }
}
