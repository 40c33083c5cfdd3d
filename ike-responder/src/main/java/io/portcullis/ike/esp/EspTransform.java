package io.portcullis.ike.esp;

import java.util.Objects;

/**
 * The ESP algorithms this gateway negotiates: AES-CBC with an HMAC integrity algorithm, or AES-GCM
 * with a 16-octet ICV. A value type: lengths of keys, IV, ICV and padding alignment follow from it.
 */
public record EspTransform(Encryption encryption, int encryptionKeyBytes, Integrity integrity) {

    public enum Encryption {
        /** RFC 3602: 16-octet explicit IV, 16-octet blocks. */
        AES_CBC,
        /** RFC 4106: 8-octet explicit IV, 4-octet salt from KEYMAT, 16-octet ICV. */
        AES_GCM_16
    }

    /** HMAC integrity algorithms with their truncated ICV lengths (RFC 2404, RFC 4868 §2.1). */
    public enum Integrity {
        NONE(null, 0, 0),
        HMAC_SHA1_96("HmacSHA1", 20, 12),
        HMAC_SHA2_256_128("HmacSHA256", 32, 16),
        HMAC_SHA2_384_192("HmacSHA384", 48, 24),
        HMAC_SHA2_512_256("HmacSHA512", 64, 32);

        private final String jcaName;
        private final int keyBytes;
        private final int icvBytes;

        Integrity(String jcaName, int keyBytes, int icvBytes) {
            this.jcaName = jcaName;
            this.keyBytes = keyBytes;
            this.icvBytes = icvBytes;
        }

        /** JCA Mac algorithm name. */
        public String jcaName() {
            return jcaName;
        }

        /** RFC 4868 §2.1.1: the key is as long as the hash output (RFC 2404: 160 bits for SHA-1). */
        public int keyBytes() {
            return keyBytes;
        }

        /** RFC 4868 §2.1.2: the ICV is the left half of the HMAC output (96 bits for SHA-1). */
        public int icvBytes() {
            return icvBytes;
        }
    }

    public EspTransform {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(integrity, "integrity");
        if (encryptionKeyBytes != 16 && encryptionKeyBytes != 24 && encryptionKeyBytes != 32) {
            throw new IllegalArgumentException("AES key must be 128, 192 or 256 bits, not " + encryptionKeyBytes * 8);
        }
        if (encryption == Encryption.AES_GCM_16 && integrity != Integrity.NONE) {
            // RFC 4106 §8.1 (via RFC 4303 §3.2): a combined-mode algorithm carries its own integrity.
            throw new IllegalArgumentException("AES-GCM must not be combined with a separate integrity algorithm");
        }
        if (encryption == Encryption.AES_CBC && integrity == Integrity.NONE) {
            // RFC 4303 §3.2 permits encryption-only ESP but it is open to cut-and-paste attacks; we refuse it.
            throw new IllegalArgumentException("AES-CBC needs an integrity algorithm");
        }
    }

    public static EspTransform aesCbc(int keyBits, Integrity integrity) {
        return new EspTransform(Encryption.AES_CBC, keyBits / 8, integrity);
    }

    public static EspTransform aesGcm16(int keyBits) {
        return new EspTransform(Encryption.AES_GCM_16, keyBits / 8, Integrity.NONE);
    }

    /** Explicit IV carried in each packet: 16 for CBC (RFC 3602 §3), 8 for GCM (RFC 4106 §3.1). */
    public int ivBytes() {
        return encryption == Encryption.AES_CBC ? 16 : 8;
    }

    /** Integrity check value length at the end of each packet. */
    public int icvBytes() {
        return encryption == Encryption.AES_CBC ? integrity.icvBytes() : 16;
    }

    /**
     * What payload|padding|pad length|next header must be a multiple of: the AES block for CBC; for
     * GCM (a stream mode) RFC 4303 §2.4's 4-octet alignment of the ICV (RFC 4106 §3.2).
     */
    public int paddingAlignment() {
        return encryption == Encryption.AES_CBC ? 16 : 4;
    }

    /** RFC 4106 §8.1: four octets of KEYMAT after the AES key are the nonce salt. */
    public int saltBytes() {
        return encryption == Encryption.AES_GCM_16 ? 4 : 0;
    }

    /** KEYMAT consumed per SA: encryption key (+ salt), then integrity key. */
    public int keymatBytes() {
        return encryptionKeyBytes + saltBytes() + integrity.keyBytes();
    }

    /** Bytes added to an inner packet at most: header, IV, maximal padding, trailer, ICV. */
    public int maxOverhead() {
        return 8 + ivBytes() + (paddingAlignment() - 1) + 2 + icvBytes();
    }

    @Override
    public String toString() {
        return encryption == Encryption.AES_CBC
                ? "AES-CBC-" + encryptionKeyBytes * 8 + "/" + integrity
                : "AES-GCM-16-" + encryptionKeyBytes * 8;
    }
}
