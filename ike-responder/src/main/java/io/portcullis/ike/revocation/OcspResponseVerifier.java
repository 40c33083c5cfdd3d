package io.portcullis.ike.revocation;

import io.portcullis.ike.exchange.auth.RevocationStatus;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Checks a basic OCSP response before anything in it is believed (RFC 6960 §3.2, §4.2.2.2): it is
 * signed by the certificate's issuer or by a delegated responder that the issuer certified for
 * OCSP signing (EKU id-kp-OCSPSigning, valid now); it answers for exactly the certificate asked
 * about; it is fresh (thisUpdate not in the future beyond the skew, nextUpdate not passed; without
 * nextUpdate, thisUpdate recent); and a nonce, if echoed, is ours. A response without our nonce is
 * accepted inside its validity window (RFC 5019 responders pre-sign and cannot echo nonces); the
 * decision log says so.
 */
final class OcspResponseVerifier {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How old a response without nextUpdate may be. */
    static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofMinutes(15);
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** A bound on the certificates a response can make us try as its signer. */
    private static final int MAX_RESPONDER_CERTS = 4;

    /** The response is not to be believed; the message says why. */
    static final class InvalidResponse extends Exception {
        InvalidResponse(String message) {
            super(message);
        }
    }

    private OcspResponseVerifier() {
    }

    static OcspAnswer verify(BasicOCSPResp response, CertificateID asked, X509Certificate issuer, byte[] nonce,
            Instant now) throws InvalidResponse {
        String signer = checkSignature(response, issuer, now);
        SingleResp single = Arrays.stream(response.getResponses()).filter(r -> r.getCertID().equals(asked)).findFirst()
                .orElseThrow(() -> new InvalidResponse("the response does not answer for the certificate asked about"));
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
        if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidResponse("thisUpdate " + thisUpdate + " lies in the future");
        }
        if (nextUpdate.isPresent() && nextUpdate.get().isBefore(now.minus(CLOCK_SKEW))) {
            throw new InvalidResponse("stale: nextUpdate " + nextUpdate.get() + " has passed");
        }
        if (nextUpdate.isEmpty() && thisUpdate.isBefore(now.minus(MAX_AGE_WITHOUT_NEXT_UPDATE))) {
            throw new InvalidResponse("stale: no nextUpdate and thisUpdate " + thisUpdate + " is older than "
                    + MAX_AGE_WITHOUT_NEXT_UPDATE);
        }
        Extension echoed = response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        String nonceNote;
        if (echoed == null) {
            nonceNote = "no nonce echoed";
        } else if (!Arrays.equals(echoed.getExtnValue().getOctets(), nonceExtensionValue(nonce))) {
            throw new InvalidResponse("the nonce is not ours (replayed or misdirected response)");
        } else {
            nonceNote = "nonce echoed";
        }
        return new OcspAnswer(status(single.getCertStatus()), thisUpdate, nextUpdate, "signed by " + signer + ", " + nonceNote);
    }

    /** The nonce extension's value as sent: an OCTET STRING wrapping the random bytes (RFC 8954 §2.1). */
    static byte[] nonceExtensionValue(byte[] nonce) {
        try {
            return new org.bouncycastle.asn1.DEROctetString(nonce).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DER encoding of an octet string cannot fail", e);
        }
    }

    // Bouncy Castle's trap: GOOD is represented as null.
    private static RevocationStatus status(CertificateStatus status) {
        if (status == CertificateStatus.GOOD) {
            return RevocationStatus.GOOD;
        }
        if (status instanceof RevokedStatus) {
            return RevocationStatus.REVOKED;
        }
        if (status instanceof UnknownStatus) {
            return RevocationStatus.UNKNOWN;
        }
        return RevocationStatus.UNKNOWN;
    }

    private static String checkSignature(BasicOCSPResp response, X509Certificate issuer, Instant now) throws InvalidResponse {
        RespID responder = response.getResponderId();
        if (names(responder, issuer)) {
            requireSignedBy(response, issuer.getPublicKey(), "the issuer");
            return "the issuer";
        }
        X509CertificateHolder[] included = response.getCerts();
        for (int i = 0; i < Math.min(included.length, MAX_RESPONDER_CERTS); i++) {
            X509Certificate candidate;
            try {
                candidate = new JcaX509CertificateConverter().getCertificate(included[i]);
            } catch (java.security.cert.CertificateException e) {
                continue;
            }
            if (names(responder, candidate)) {
                checkDelegate(candidate, issuer, now);
                requireSignedBy(response, candidate.getPublicKey(), "the delegated responder");
                return "delegated responder " + candidate.getSubjectX500Principal().getName();
            }
        }
        throw new InvalidResponse("signed by neither the issuer nor a responder certificate included in the response");
    }

    private static void checkDelegate(X509Certificate delegate, X509Certificate issuer, Instant now) throws InvalidResponse {
        if (!delegate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new InvalidResponse("the responder certificate was not issued by the certificate's issuer");
        }
        try {
            delegate.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new InvalidResponse("the responder certificate's signature does not verify with the issuer's key");
        }
        if (now.isBefore(delegate.getNotBefore().toInstant()) || now.isAfter(delegate.getNotAfter().toInstant())) {
            throw new InvalidResponse("the responder certificate is outside its validity");
        }
        List<String> eku;
        try {
            eku = delegate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new InvalidResponse("the responder certificate's EKU is undecodable");
        }
        if (eku == null || !eku.contains(OCSP_SIGNING)) {
            throw new InvalidResponse("the responder certificate lacks EKU id-kp-OCSPSigning");
        }
    }

    private static void requireSignedBy(BasicOCSPResp response, PublicKey key, String who) throws InvalidResponse {
        try {
            if (!response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new InvalidResponse("the signature of " + who + " does not verify");
            }
        } catch (OCSPException | OperatorCreationException e) {
            throw new InvalidResponse("the signature of " + who + " cannot be checked: " + e.getMessage());
        }
    }

    /** RFC 6960 §4.2.2.3: byName is the subject, byKey the SHA-1 of the subjectPublicKey bits. */
    private static boolean names(RespID responder, X509Certificate certificate) {
        if (responder.equals(new RespID(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())))) {
            return true;
        }
        try {
            DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
            return responder.equals(new RespID(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()), sha1));
        } catch (OperatorCreationException | OCSPException e) {
            return false;
        }
    }
}
