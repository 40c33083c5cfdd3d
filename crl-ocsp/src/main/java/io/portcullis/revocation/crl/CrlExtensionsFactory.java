package io.portcullis.revocation.crl;

import io.portcullis.ca.keys.KeyIdentifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The crlExtensions of full and delta CRLs (RFC 5280 5.2).
 *
 * <p>Both carry the same issuingDistributionPoint, naming the full and the delta URL: OpenSSL
 * only combines a delta with a base whose IDP is byte-for-byte identical, and RFC 5280 5.2.5 asks
 * that the IDP name the point the relying party fetched from (the CDP of the certificate for the
 * full CRL, its freshestCRL for the delta).
 */
final class CrlExtensionsFactory {

    private CrlExtensionsFactory() {
    }

    static Extensions full(long number, X509CertificateHolder issuer, CrlUrls urls) {
        ExtensionsGenerator generator = common(number, issuer, urls);
        add(generator, Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(urls.deltaUrl()))), null, null)}));
        return generator.generate();
    }

    static Extensions delta(long number, long baseNumber, X509CertificateHolder issuer, CrlUrls urls) {
        ExtensionsGenerator generator = common(number, issuer, urls);
        add(generator, Extension.deltaCRLIndicator, true, new ASN1Integer(baseNumber));
        return generator.generate();
    }

    private static ExtensionsGenerator common(long number, X509CertificateHolder issuer, CrlUrls urls) {
        ExtensionsGenerator generator = new ExtensionsGenerator();
        add(generator, Extension.authorityKeyIdentifier, false, KeyIdentifiers.authorityKeyIdentifier(issuer));
        add(generator, Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
        GeneralNames names = new GeneralNames(new GeneralName[] {uri(urls.fullUrl()), uri(urls.deltaUrl())});
        add(generator, Extension.issuingDistributionPoint, true,
                new IssuingDistributionPoint(new DistributionPointName(names), false, false, null, false, false));
        return generator;
    }

    private static void add(ExtensionsGenerator generator, org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
            org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            generator.addExtension(oid, critical, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode CRL extension " + oid, e);
        }
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }
}
