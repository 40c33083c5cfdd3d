package io.portcullis.ike.esp;

import java.util.Arrays;
import java.util.Objects;

/**
 * One direction's key material split out of KEYMAT. Not a record so that keys never reach a log line
 * through {@code toString()}.
 */
public final class EspKeys {
    private final byte[] encryptionKey;
    private final byte[] salt;
    private final byte[] integrityKey;

    private EspKeys(byte[] encryptionKey, byte[] salt, byte[] integrityKey) {
        this.encryptionKey = encryptionKey;
        this.salt = salt;
        this.integrityKey = integrityKey;
    }

    /**
     * Splits KEYMAT in the order IKEv1 uses it: encryption key first, then the integrity key
     * (RFC 2409 §5.5 produces one KEYMAT per SA); for GCM the salt follows the AES key
     * (RFC 4106 §8.1). KEYMAT may be longer than needed (it is expanded in hash-sized steps); the
     * leading octets are used.
     */
    public static EspKeys fromKeymat(EspTransform transform, byte[] keymat) {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(keymat, "keymat");
        if (keymat.length < transform.keymatBytes()) {
            throw new IllegalArgumentException(
                    "KEYMAT too short for " + transform + ": " + keymat.length + " < " + transform.keymatBytes());
        }
        int enc = transform.encryptionKeyBytes();
        int salt = transform.saltBytes();
        int integ = transform.integrity().keyBytes();
        return new EspKeys(
                Arrays.copyOfRange(keymat, 0, enc),
                Arrays.copyOfRange(keymat, enc, enc + salt),
                Arrays.copyOfRange(keymat, enc + salt, enc + salt + integ));
    }

    byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] integrityKey() {
        return integrityKey.clone();
    }

    @Override
    public String toString() {
        return "EspKeys[redacted]";
    }
}
