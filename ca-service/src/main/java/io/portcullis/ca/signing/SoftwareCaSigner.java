package io.portcullis.ca.signing;

import io.portcullis.ca.error.PortcullisException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import io.portcullis.ca.keys.PemCodec;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.util.List;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A {@link CaSigner} over a private key held in this JVM (loaded from an
 * {@code EncryptedKeyStore}). Immutable and thread-safe: each {@link #newContentSigner()} builds
 * its own JCA {@code Signature}. See {@link SoftwareContentSigners} for the provider choice.
 */
public final class SoftwareCaSigner implements CaSigner {

    private static final byte[] KEY_PROBE = "portcullis: does this key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey privateKey;
    private final List<X509CertificateHolder> chain;
    private final SecureRandom random;
    private final String signatureAlgorithmName;
    private final AlgorithmIdentifier signatureAlgorithm;

    public SoftwareCaSigner(PrivateKey privateKey, List<X509CertificateHolder> chain) {
        this(privateKey, chain, new SecureRandom());
    }

    /**
     * Checks, once, that the chain is ordered (each certificate issued by the next, ending in a
     * self-issued root) and that {@code privateKey} matches the first certificate, so a
     * mis-configured key fails at start-up and not on the first enrollment.
     */
    public SoftwareCaSigner(PrivateKey privateKey, List<X509CertificateHolder> chain, SecureRandom random) {
        if (privateKey == null || chain == null || chain.isEmpty() || random == null) {
            throw PortcullisException.internal("signer-misconfigured", "a CA signer needs a private key, a non-empty chain and a SecureRandom", null);
        }
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.random = random;
        checkChainOrder(this.chain);
        this.signatureAlgorithmName = SoftwareContentSigners.signatureAlgorithmFor(this.chain.get(0).getSubjectPublicKeyInfo());
        this.signatureAlgorithm = SoftwareContentSigners.algorithmIdentifier(signatureAlgorithmName);
        checkKeyMatchesCertificate();
    }

    /** A signer for a key store entry as {@code EncryptedKeyStore} reads it (key plus chain, leaf first). */
    public static SoftwareCaSigner fromKeyStoreEntry(KeyStore.PrivateKeyEntry entry) {
        List<X509CertificateHolder> chain = Arrays.stream(entry.getCertificateChain())
                .map(c -> PemCodec.toHolder((X509Certificate) c))
                .toList();
        return new SoftwareCaSigner(entry.getPrivateKey(), chain);
    }

    @Override
    public X509CertificateHolder certificate() {
        return chain.get(0);
    }

    @Override
    public List<X509CertificateHolder> chain() {
        return chain;
    }

    @Override
    public AlgorithmIdentifier signatureAlgorithm() {
        return signatureAlgorithm;
    }

    @Override
    public ContentSigner newContentSigner() {
        return SoftwareContentSigners.create(privateKey, signatureAlgorithmName, random);
    }

    private static void checkChainOrder(List<X509CertificateHolder> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!chain.get(i).getIssuer().equals(chain.get(i + 1).getSubject())) {
                throw PortcullisException.internal("signer-misconfigured", "CA chain out of order: '" + chain.get(i).getSubject()
                        + "' is issued by '" + chain.get(i).getIssuer() + "', not by '" + chain.get(i + 1).getSubject() + "'", null);
            }
        }
        X509CertificateHolder root = chain.get(chain.size() - 1);
        if (!root.getIssuer().equals(root.getSubject())) {
            throw PortcullisException.internal("signer-misconfigured", "CA chain does not end in a root: last certificate '"
                    + root.getSubject() + "' is issued by '" + root.getIssuer() + "'", null);
        }
    }

    private PortcullisException keyMismatch(Exception cause) {
        return PortcullisException.internal("signer-misconfigured",
                "the private key does not match the certificate of '" + certificate().getSubject() + "'", cause);
    }

    private void checkKeyMatchesCertificate() {
        try {
            ContentSigner signer = newContentSigner();
            try (OutputStream out = signer.getOutputStream()) {
                out.write(KEY_PROBE);
            }
            byte[] signature = signer.getSignature();
            ContentVerifier verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(SoftwareContentSigners.verificationProvider())
                    .build(certificate())
                    .get(signatureAlgorithm);
            try (OutputStream out = verifier.getOutputStream()) {
                out.write(KEY_PROBE);
            }
            if (!verifier.verify(signature)) {
                throw keyMismatch(null);
            }
        } catch (RuntimeOperatorException e) {
            // BC's verifier throws this when the signature cannot even be decoded for the
            // certificate's key, e.g. a P-384 key paired with a P-256 certificate.
            throw keyMismatch(e);
        } catch (IOException | OperatorCreationException | CertificateException e) {
            throw PortcullisException.internal("signer-misconfigured", "cannot check the key of '" + certificate().getSubject() + "': " + e.getMessage(), e);
        }
    }
}
