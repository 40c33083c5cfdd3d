package io.portcullis.enrollment;

import io.portcullis.enrollment.request.Channel;
import java.util.Optional;

/**
 * One attempt to enroll with a secret. {@code peerReference} is a name or id (REST); SCEP names no
 * peer, so it is empty and the peer is found by the identity the CSR names. {@code transactionId}
 * is SCEP's, so a retransmitted request gets the same answer instead of "secret already used".
 */
public record EnrollmentAttempt(Optional<String> peerReference, String secret, byte[] csrDer, Channel channel, String clientAddress,
        Optional<String> transactionId) {

    @Override
    public String toString() {
        return "EnrollmentAttempt[" + peerReference.orElse("(by identity)") + ", " + channel + ", " + clientAddress + "]";
    }
}
