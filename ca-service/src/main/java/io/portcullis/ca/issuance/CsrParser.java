package io.portcullis.ca.issuance;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.keys.BcProvider;
import io.portcullis.ca.signing.EcdsaContentVerifierProvider;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Step 1 of issuance: untrusted text or bytes in, a {@link CsrDetails} whose proof of possession
 * has been checked out. For any input whatsoever the only exception that escapes is
 * {@link PortcullisException} ({@code malformed-csr}, {@code unsupported-csr-signature-algorithm},
 * {@code csr-signature-invalid}); Bouncy Castle's assorted runtime exceptions are translated at
 * this edge, because for untrusted input they all mean "bad request".
 */
public final class CsrParser {

    /** Signature algorithms a requester may prove possession with; SHA-1 and MD5 are refused. */
    private static final Map<ASN1ObjectIdentifier, String> ACCEPTED_SIGNATURES = Map.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA",
            PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA",
            PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA",
            X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS");
    private static final List<ASN1ObjectIdentifier> PSS_HASHES =
            List.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    /** Parses a PEM block or bare base64 DER, as sent to the REST enrollment API. */
    public CsrDetails parse(String pemOrBase64Der) {
        return parseDer(CsrTextDecoder.decode(pemOrBase64Der));
    }

    /** Parses binary DER, as carried inside SCEP's PKCS#7 envelope. */
    public CsrDetails parseDer(byte[] der) {
        if (der == null || der.length == 0) {
            throw malformed("the CSR is empty", null);
        }
        if (der.length > CsrTextDecoder.MAX_CHARS) {
            throw malformed("the CSR is " + der.length + " bytes long; the limit is 64 KiB", null);
        }
        DerStructure.firstProblem(der).ifPresent(problem -> {
            throw malformed("the CSR is not valid DER: " + problem, null);
        });
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(structure(der));
        checkSignatureAlgorithm(request.getSignatureAlgorithm());
        checkProofOfPossession(request);
        return new CsrDetails(request, request.getSubject(), request.getSubjectPublicKeyInfo(),
                CsrExtensionRequest.subjectAltNames(request));
    }

    private static CertificationRequest structure(byte[] der) {
        try {
            CertificationRequest structure = CertificationRequest.getInstance(ASN1Primitive.fromByteArray(der));
            int version = structure.getCertificationRequestInfo().getVersion().intValueExact();
            if (version != 0) {
                throw malformed("unsupported PKCS#10 version " + version + " (only v1, encoded 0, exists)", null);
            }
            // Touch the lazily parsed parts now, so a broken name or key fails here, as malformed-csr.
            structure.getCertificationRequestInfo().getSubject().getRDNs();
            structure.getCertificationRequestInfo().getSubjectPublicKeyInfo().getAlgorithm();
            return structure;
        } catch (PortcullisException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw malformed("not a PKCS#10 CertificationRequest: " + e.getMessage(), e);
        }
    }

    private static void checkSignatureAlgorithm(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (!ACCEPTED_SIGNATURES.containsKey(oid)) {
            throw PortcullisException.badRequest("unsupported-csr-signature-algorithm",
                    "CSR signature algorithm " + oid + " is not accepted; use ECDSA or RSA (PKCS#1 v1.5 or PSS) with SHA-256, SHA-384 or SHA-512");
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
            ASN1ObjectIdentifier hash = pssHash(algorithm.getParameters());
            if (!PSS_HASHES.contains(hash)) {
                throw PortcullisException.badRequest("unsupported-csr-signature-algorithm",
                        "RSASSA-PSS with hash " + hash + " is not accepted; use SHA-256, SHA-384 or SHA-512");
            }
        }
    }

    private static ASN1ObjectIdentifier pssHash(ASN1Encodable parameters) {
        try {
            return RSASSAPSSparams.getInstance(parameters).getHashAlgorithm().getAlgorithm();
        } catch (RuntimeException e) {
            throw malformed("the RSASSA-PSS parameters of the CSR signature cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static void checkProofOfPossession(PKCS10CertificationRequest request) {
        ContentVerifierProvider verifier;
        try {
            // P-256/P-384 keys verify on shared curve parameters (NamedEcCurve says why); RSA through JCA.
            Optional<EcdsaContentVerifierProvider> ec = EcdsaContentVerifierProvider.of(request.getSubjectPublicKeyInfo());
            verifier = ec.isPresent() ? ec.get()
                    : new JcaContentVerifierProviderBuilder().setProvider(BcProvider.INSTANCE).build(request.getSubjectPublicKeyInfo());
        } catch (OperatorCreationException | RuntimeException e) {
            throw malformed("the CSR's public key cannot be decoded: " + e.getMessage(), e);
        }
        boolean valid;
        try {
            valid = request.isSignatureValid(verifier);
        } catch (PKCSException | RuntimeException e) {
            // The signature bytes do not even fit the key (wrong length, wrong key type).
            throw PortcullisException.badRequest("csr-signature-invalid",
                    "the CSR signature cannot be verified with the CSR's public key: " + e.getMessage(), e);
        }
        if (!valid) {
            throw PortcullisException.badRequest("csr-signature-invalid",
                    "the CSR signature does not verify with the CSR's public key (proof of possession failed)");
        }
    }

    static PortcullisException malformed(String detail, Throwable cause) {
        return PortcullisException.badRequest("malformed-csr", detail, cause);
    }
}
