package io.portcullis.ike.isakmp;

import java.util.Objects;

/**
 * A message with the E flag set, before decryption: the header, the type of the first
 * (encrypted) payload from the header's next-payload field, and the ciphertext. The keymat
 * layer decrypts {@link #ciphertext()} and hands the plaintext to
 * {@link IsakmpDecoder#decodeDecrypted(EncryptedMessage, byte[])}.
 */
public record EncryptedMessage(IsakmpHeader header, PayloadType firstPayload, Bytes ciphertext) {

    public EncryptedMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(firstPayload, "firstPayload");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (!header.isEncrypted()) {
            throw new IllegalArgumentException("an encrypted message needs the E flag in its header");
        }
    }
}
