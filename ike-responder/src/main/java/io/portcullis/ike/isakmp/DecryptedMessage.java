package io.portcullis.ike.isakmp;

import java.util.Objects;

/**
 * The result of decoding a decrypted body: the message, and the bytes that followed the last
 * payload. RFC 2409 Appendix B pads the plaintext to the cipher block size and counts the pad
 * in the header length, so padding is normal here; it is reported, not hidden, because the
 * amount can matter when diagnosing peers.
 */
public record DecryptedMessage(IsakmpMessage message, Bytes padding) {

    public DecryptedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(padding, "padding");
    }
}
