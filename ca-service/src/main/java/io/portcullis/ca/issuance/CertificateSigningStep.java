package io.portcullis.ca.issuance;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.keys.BcProvider;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.EcdsaContentVerifierProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Signs the linted TBS with the CA through {@link CaSigner} and assembles the certificate. The
 * fresh signature is verified against the issuer's public key before it is returned: a faulty
 * signature (a hardware or HSM fault, or an RSA-CRT fault that would leak the key) must never
 * be handed out.
 */
public final class CertificateSigningStep {

    /**
     * The issuer's verifier, built once per CA certificate rather than once per signature, from a
     * public key decoded once: Bouncy Castle keeps its precomputed multiples on the key's point,
     * which makes each later verification about twice as fast. EC keys of our curves verify on
     * the shared curve parameters ({@link EcdsaContentVerifierProvider}), RSA keys through JCA.
     */
    private record CachedVerifier(X509CertificateHolder issuer, ContentVerifierProvider provider) {
    }

    private volatile CachedVerifier cachedVerifier;

    public X509CertificateHolder sign(TBSCertificate tbs, CaSigner signer) {
        ContentSigner contentSigner = signer.newContentSigner();
        if (!contentSigner.getAlgorithmIdentifier().equals(tbs.getSignature())) {
            throw PortcullisException.internal("signing-failed", "the TBS names signature algorithm " + tbs.getSignature().getAlgorithm()
                    + " but the signer produces " + contentSigner.getAlgorithmIdentifier().getAlgorithm(), null);
        }
        X509CertificateHolder certificate;
        try {
            try (OutputStream out = contentSigner.getOutputStream()) {
                out.write(tbs.getEncoded(ASN1Encoding.DER));
            }
            ASN1EncodableVector fields = new ASN1EncodableVector(3);
            fields.add(tbs);
            fields.add(contentSigner.getAlgorithmIdentifier());
            fields.add(new DERBitString(contentSigner.getSignature()));
            certificate = new X509CertificateHolder(Certificate.getInstance(new DERSequence(fields)));
        } catch (IOException | RuntimeOperatorException e) {
            throw PortcullisException.internal("signing-failed", "the CA could not sign '" + tbs.getSubject() + "': " + e.getMessage(), e);
        }
        verify(certificate, signer);
        return certificate;
    }

    private void verify(X509CertificateHolder certificate, CaSigner signer) {
        boolean valid;
        try {
            valid = certificate.isSignatureValid(verifierFor(signer.certificate()));
        } catch (CertException | OperatorCreationException | CertificateException e) {
            throw PortcullisException.internal("signing-failed", "cannot verify the new signature: " + e.getMessage(), e);
        }
        if (!valid) {
            throw PortcullisException.internal("signing-failed",
                    "the signature over '" + certificate.getSubject() + "' does not verify with the CA certificate; nothing was issued", null);
        }
    }

    private ContentVerifierProvider verifierFor(X509CertificateHolder issuer) throws OperatorCreationException, CertificateException {
        CachedVerifier cached = cachedVerifier;
        if (cached == null || !cached.issuer().equals(issuer)) {
            Optional<EcdsaContentVerifierProvider> ec = EcdsaContentVerifierProvider.of(issuer);
            ContentVerifierProvider provider = ec.isPresent() ? ec.get()
                    : new JcaContentVerifierProviderBuilder().setProvider(BcProvider.INSTANCE).build(bcPublicKey(issuer));
            cached = new CachedVerifier(issuer, provider);
            cachedVerifier = cached;
        }
        return cached.provider();
    }

    /** The issuer's key as a Bouncy Castle key object, so that the verifier reuses its point. */
    private static PublicKey bcPublicKey(X509CertificateHolder issuer) throws CertificateException {
        try {
            return new JcaPEMKeyConverter().setProvider(BcProvider.INSTANCE).getPublicKey(issuer.getSubjectPublicKeyInfo());
        } catch (org.bouncycastle.openssl.PEMException e) {
            throw new CertificateException("cannot decode the issuer's public key", e);
        }
    }
}
