package io.portcullis.enrollment.scep;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A decoded SCEP request (RFC 8894 §3.2): its authenticated attributes, the signer's certificate
 * (self-signed for PKCSReq, the current certificate for RenewalReq), and the still encrypted
 * pkcsPKIEnvelope. Immutable; whether the signature verified is a separate fact ({@code problem}).
 */
public record PkiMessage(MessageType messageType, String transactionId, byte[] senderNonce, X509CertificateHolder signer,
        ASN1ObjectIdentifier digestAlgorithm, byte[] envelope, Optional<ScepFailure> problem) {
}
