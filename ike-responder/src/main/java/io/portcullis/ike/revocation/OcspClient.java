package io.portcullis.ike.revocation;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks the OCSP responders named in a certificate's AIA (RFC 6960, HTTP POST per Appendix A.1)
 * with a fresh nonce (RFC 8954: 32 octets) and returns the first answer that verifies.
 */
final class OcspClient {

    static final int NONCE_BYTES = 32;

    private final HttpFetcher http;
    private final SecureRandom random;

    OcspClient(HttpFetcher http, SecureRandom random) {
        this.http = http;
        this.random = random;
    }

    /** Either an answer or why there is none. */
    sealed interface Outcome {
        record Answered(OcspAnswer answer, URI responder) implements Outcome {
        }

        record NoAnswer(String reason) implements Outcome {
        }
    }

    Outcome query(X509Certificate certificate, X509Certificate issuer, Instant now) {
        List<URI> responders = RevocationPointers.ocsp(certificate);
        if (responders.isEmpty()) {
            return new Outcome.NoAnswer("no OCSP URL in the certificate");
        }
        CertificateID id;
        try {
            id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
        } catch (OperatorCreationException | OCSPException | CertificateEncodingException e) {
            return new Outcome.NoAnswer("cannot build the OCSP certificate ID: " + e.getMessage());
        }
        List<String> failures = new ArrayList<>();
        for (URI responder : responders) {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            try {
                byte[] body = http.post(responder, "application/ocsp-request", request(id, nonce));
                OcspAnswer answer = OcspResponseVerifier.verify(basic(body), id, issuer, nonce, now);
                return new Outcome.Answered(answer, responder);
            } catch (HttpFetcher.FetchException | OcspResponseVerifier.InvalidResponse e) {
                failures.add(responder + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // Bouncy Castle reports some malformed structures unchecked; a hostile responder must not escape here.
                failures.add(responder + ": malformed response: " + e);
            }
        }
        return new Outcome.NoAnswer(String.join("; ", failures));
    }

    private static byte[] request(CertificateID id, byte[] nonce) throws OcspResponseVerifier.InvalidResponse {
        try {
            Extension nonceExtension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    OcspResponseVerifier.nonceExtensionValue(nonce));
            OCSPReq request = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(nonceExtension)).build();
            return request.getEncoded();
        } catch (OCSPException | IOException e) {
            throw new OcspResponseVerifier.InvalidResponse("cannot encode the OCSP request: " + e.getMessage());
        }
    }

    private static BasicOCSPResp basic(byte[] body) throws OcspResponseVerifier.InvalidResponse {
        OCSPResp response;
        try {
            response = new OCSPResp(body);
        } catch (IOException | RuntimeException e) {
            // BC throws unchecked exceptions (IllegalArgumentException, ClassCastException) on some malformed DER.
            throw new OcspResponseVerifier.InvalidResponse("undecodable OCSP response: " + e.getMessage());
        }
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new OcspResponseVerifier.InvalidResponse("responder status " + response.getStatus()
                    + " (1 malformedRequest, 2 internalError, 3 tryLater, 5 sigRequired, 6 unauthorized)");
        }
        try {
            Object object = response.getResponseObject();
            if (object instanceof BasicOCSPResp basic) {
                return basic;
            }
            throw new OcspResponseVerifier.InvalidResponse("not a basic OCSP response");
        } catch (OCSPException | RuntimeException e) {
            throw new OcspResponseVerifier.InvalidResponse("undecodable basic OCSP response: " + e.getMessage());
        }
    }
}
