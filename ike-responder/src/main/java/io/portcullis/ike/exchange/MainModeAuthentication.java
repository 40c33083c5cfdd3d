package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PskPeer;
import io.portcullis.ike.exchange.auth.RefusalReason;
import io.portcullis.ike.isakmp.CertEncoding;
import io.portcullis.ike.isakmp.CertificatePayload;
import io.portcullis.ike.isakmp.HashPayload;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.SignaturePayload;
import io.portcullis.ike.keymat.Phase1AuthHash;
import io.portcullis.ike.keymat.Phase1Keys;
import io.portcullis.ike.keymat.Phase1Transcript;
import io.portcullis.ike.keymat.RsaHashSignature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Main Mode messages 5 and 6 (RFC 2409 §5.1 signatures, §5.4 pre-shared keys): checks the
 * initiator's HASH_I or SIG_I and builds our ID, certificates and SIG_R / HASH_R.
 */
final class MainModeAuthentication {

    sealed interface Outcome {
    }

    record Verified(AuthenticatedPeer peer) implements Outcome {
    }

    record Refused(NotifyType notifyType, String detail) implements Outcome {
    }

    private MainModeAuthentication() {
    }

    /** What message 5 claims with signatures: certificates, IDii and SIG_I, before any of it is checked. */
    record Claims(List<byte[]> certificates, IdentificationPayload id, SignaturePayload signature) {
    }

    /** The claims, or empty when the ID or SIG payload is missing. */
    static Optional<Claims> claims(IsakmpMessage message) {
        Optional<IdentificationPayload> id = message.first(IdentificationPayload.class);
        Optional<SignaturePayload> signature = message.first(SignaturePayload.class);
        if (id.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> certificates = message.all(CertificatePayload.class).stream()
                .filter(c -> c.encoding().equals(CertEncoding.X509_SIGNATURE))
                .map(c -> c.data().toByteArray()).toList();
        return Optional.of(new Claims(certificates, id.get(), signature.get()));
    }

    static Outcome missingClaims() {
        return new Refused(NotifyType.PAYLOAD_MALFORMED, "message 5 lacks the ID or SIG payload");
    }

    /** Checks SIG_I with the key of the peer the authenticator accepted (or passes its refusal on). */
    static Outcome verifySignature(Claims claims, AuthDecision decision, PrfAlgorithm prf, Phase1Keys keys,
            Phase1Transcript transcript) {
        if (decision instanceof AuthDecision.Refused refused) {
            return new Refused(refused.reason().notifyType(), refused.reason() + ": " + refused.detail());
        }
        AuthenticatedPeer peer = ((AuthDecision.Accepted) decision).peer();
        if (!(peer.publicKey().orElse(null) instanceof RSAPublicKey rsa)) {
            return new Refused(RefusalReason.INVALID_CERTIFICATE.notifyType(), "the peer has no RSA key");
        }
        byte[] skeyid = keys.skeyid();
        try {
            byte[] hashI = Phase1AuthHash.hashI(prf, skeyid, transcript, claims.id().encodeBody().toByteArray());
            RsaHashSignature.verify(rsa, hashI, claims.signature().signature().toByteArray());
            return new Verified(peer);
        } catch (IkeCryptoException e) {
            return new Refused(NotifyType.AUTHENTICATION_FAILED, e.reason() + ": " + e.getMessage());
        } finally {
            io.portcullis.ike.crypto.Bytes.wipe(skeyid);
        }
    }

    static Outcome verifyPreSharedKey(IsakmpMessage message, PskPeer psk, PrfAlgorithm prf, Phase1Keys keys,
            Phase1Transcript transcript) {
        Optional<IdentificationPayload> id = message.first(IdentificationPayload.class);
        Optional<HashPayload> hash = message.first(HashPayload.class);
        if (id.isEmpty() || hash.isEmpty()) {
            return new Refused(NotifyType.PAYLOAD_MALFORMED, "message 5 lacks the ID or HASH payload");
        }
        byte[] skeyid = keys.skeyid();
        try {
            byte[] expected = Phase1AuthHash.hashI(prf, skeyid, transcript, id.get().encodeBody().toByteArray());
            if (!Phase1AuthHash.matches(expected, hash.get().hash().toByteArray())) {
                return new Refused(NotifyType.AUTHENTICATION_FAILED, "HASH_I does not verify");
            }
            return new Verified(new AuthenticatedPeer(id.get(), psk.subnets(), Optional.empty(), List.of()));
        } finally {
            io.portcullis.ike.crypto.Bytes.wipe(skeyid);
        }
    }

    /**
     * Message 6: IDir, then for signatures our certificate (plus intermediates when the peer
     * asked with a CERTREQ, RFC 4945 §3.2.7) and SIG_R, for pre-shared keys HASH_R.
     */
    static List<Payload> response(IdentificationPayload ourId, Optional<GatewayCredentials> credentials,
            boolean signatures, boolean peerRequestedCertificates, PrfAlgorithm prf, Phase1Keys keys,
            Phase1Transcript transcript) {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(ourId));
        byte[] skeyid = keys.skeyid();
        try {
            byte[] hashR = Phase1AuthHash.hashR(prf, skeyid, transcript, ourId.encodeBody().toByteArray());
            if (!signatures) {
                payloads.add(Payload.of(HashPayload.of(hashR)));
                return payloads;
            }
            GatewayCredentials ours = credentials.orElseThrow(
                    () -> new IllegalStateException("signatures were selected without gateway credentials"));
            List<X509Certificate> chain = ours.chain();
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate certificate = chain.get(i);
                boolean selfSigned = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
                if (i == 0 || (peerRequestedCertificates && !selfSigned)) {
                    payloads.add(Payload.of(CertificatePayload.x509(der(certificate))));
                }
            }
            payloads.add(Payload.of(SignaturePayload.of(RsaHashSignature.sign(ours.privateKey(), hashR))));
            return payloads;
        } finally {
            io.portcullis.ike.crypto.Bytes.wipe(skeyid);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("our own certificate cannot be encoded", e);
        }
    }
}
