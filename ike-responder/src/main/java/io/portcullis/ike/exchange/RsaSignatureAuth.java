package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.IkeCryptoException;
import io.portcullis.ike.exchange.auth.AuthDecision;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.RefusalReason;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.CertEncoding;
import io.portcullis.ike.isakmp.CertificatePayload;
import io.portcullis.ike.isakmp.CertificateRequestPayload;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NoncePayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.SignaturePayload;
import io.portcullis.ike.keymat.Phase1Authentication;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RSA signature authentication (RFC 2409 §5.1): nonces in the clear, CERTREQ for the CAs we trust, then ID,
 * certificate(s) and SIG over our HASH. The peer's certificates are checked by the peer authenticator (PKIX,
 * ID binding, revocation) before its signature is verified with the key they carry.
 */
final class RsaSignatureAuth implements Phase1Auth {

    private final GatewayCredentials credentials;

    RsaSignatureAuth(GatewayCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials,
                "signatures were selected without gateway credentials");
    }

    @Override
    public Phase1Authentication skeyid() {
        return new Phase1Authentication.Signatures();
    }

    @Override
    public List<Payload> keyExchangePayloads(Phase1 phase1, byte[] ourNonce, IdentificationPayload ourId) {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(NoncePayload.of(ourNonce)));
        credentials.requestedAuthorities().forEach(ca -> payloads.add(Payload.of(
                new CertificateRequestPayload(CertEncoding.X509_SIGNATURE, Bytes.of(ca.getEncoded())))));
        return payloads;
    }

    @Override
    public Optional<byte[]> peerNonce(Phase1 phase1, IsakmpMessage message) {
        return message.first(NoncePayload.class).map(n -> n.nonce().toByteArray());
    }

    /**
     * Our ID, our certificate (plus intermediates when the peer asked with a CERTREQ, RFC 4945 §3.2.7; never a
     * self-signed root) and SIG.
     */
    @Override
    public List<Payload> proof(Phase1 phase1, IdentificationPayload ourId) {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(Payload.of(ourId));
        List<X509Certificate> chain = credentials.chain();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            boolean selfSigned = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
            if (i == 0 || (phase1.peerRequestedCertificates() && !selfSigned)) {
                payloads.add(Payload.of(CertificatePayload.x509(der(certificate))));
            }
        }
        payloads.add(Payload.of(SignaturePayload.of(phase1.sign(credentials.privateKey(), ourId))));
        return payloads;
    }

    @Override
    public Optional<Claims> claims(IsakmpMessage message) {
        Optional<IdentificationPayload> id = message.first(IdentificationPayload.class);
        Optional<SignaturePayload> signature = message.first(SignaturePayload.class);
        if (id.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> certificates = message.all(CertificatePayload.class).stream()
                .filter(c -> c.encoding().equals(CertEncoding.X509_SIGNATURE))
                .map(c -> c.data().toByteArray()).toList();
        return Optional.of(new Claims(id.get(), certificates, signature.get().signature().toByteArray()));
    }

    @Override
    public Refused missingClaims() {
        return new Refused(NotifyType.PAYLOAD_MALFORMED, "the ID or SIG payload is missing");
    }

    @Override
    public boolean checksCertificates() {
        return true;
    }

    /** Checks SIG with the key of the peer the authenticator accepted (or passes its refusal on). */
    @Override
    public Outcome verify(Phase1 phase1, Claims claims, Optional<AuthDecision> certificateCheck) {
        AuthDecision decision = certificateCheck.orElseThrow(
                () -> new IllegalStateException("signatures are verified after the certificate check"));
        if (decision instanceof AuthDecision.Refused refused) {
            return new Refused(refused.reason().notifyType(), refused.reason() + ": " + refused.detail());
        }
        AuthenticatedPeer peer = ((AuthDecision.Accepted) decision).peer();
        if (!(peer.publicKey().orElse(null) instanceof RSAPublicKey rsa)) {
            return new Refused(RefusalReason.INVALID_CERTIFICATE.notifyType(), "the peer has no RSA key");
        }
        try {
            phase1.verifyPeerSignature(rsa, claims.id(), claims.proof());
            return new Verified(peer);
        } catch (IkeCryptoException e) {
            return new Refused(NotifyType.AUTHENTICATION_FAILED, e.reason() + ": " + e.getMessage());
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
