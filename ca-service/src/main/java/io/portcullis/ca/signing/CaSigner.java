package io.portcullis.ca.signing;

import java.util.List;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;

/**
 * A CA that can sign: its certificate, its chain and fresh {@link ContentSigner}s.
 *
 * <p>This interface is the <em>only</em> way anything in Portcullis signs with a CA key
 * (certificates, CRLs, OCSP responses). Nothing else ever holds a CA {@code PrivateKey}, so the
 * software implementation ({@link SoftwareCaSigner}) can be replaced by a PKCS#11 HSM-backed one
 * without touching the issuance pipeline, the CRL builder or the OCSP responder.
 *
 * <p>Implementations must be safe for concurrent use by many threads.
 */
public interface CaSigner {

    /** This CA's own certificate. */
    X509CertificateHolder certificate();

    /** The chain from this CA up to the root: index 0 is {@link #certificate()}, the last element is the root. */
    List<X509CertificateHolder> chain();

    /** The signature algorithm every {@link #newContentSigner()} produces, for the TBS {@code signature} field. */
    AlgorithmIdentifier signatureAlgorithm();

    /**
     * A new signer for exactly one signature. Callers write the DER to be signed to its output
     * stream and call {@code getSignature()} once; never share the returned object between threads.
     */
    ContentSigner newContentSigner();
}
