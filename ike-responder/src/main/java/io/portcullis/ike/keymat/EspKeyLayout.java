package io.portcullis.ike.keymat;

/**
 * How one direction's KEYMAT is cut: encryption key, then the salt of a combined-mode cipher,
 * then the integrity key (RFC 2409 §5.5 / RFC 2407: encryption material first; RFC 4106 §8.1:
 * the 4-byte AES-GCM salt directly follows the AES key). Lengths are in bytes.
 */
public record EspKeyLayout(int encryptionKeyLength, int saltLength, int integrityKeyLength) {

    public EspKeyLayout {
        if (encryptionKeyLength < 0 || saltLength < 0 || integrityKeyLength < 0) {
            throw new IllegalArgumentException("key lengths must not be negative");
        }
        if (encryptionKeyLength + saltLength + integrityKeyLength == 0) {
            throw new IllegalArgumentException("an SA needs some key material");
        }
    }

    /** A CBC cipher with a separate HMAC (e.g. AES-128-CBC + HMAC-SHA-256-128: 16, 32). */
    public static EspKeyLayout cbcWithHmac(int encryptionKeyLength, int integrityKeyLength) {
        return new EspKeyLayout(encryptionKeyLength, 0, integrityKeyLength);
    }

    /** AES-GCM with a 16-byte ICV (RFC 4106): key, then 4 bytes of salt, no integrity key. */
    public static EspKeyLayout aesGcm16(int aesKeyLength) {
        return new EspKeyLayout(aesKeyLength, 4, 0);
    }

    /** Total KEYMAT length per direction. */
    public int totalLength() {
        return encryptionKeyLength + saltLength + integrityKeyLength;
    }
}
