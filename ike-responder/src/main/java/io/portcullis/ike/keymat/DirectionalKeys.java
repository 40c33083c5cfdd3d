package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.Bytes;

/** The keys of one IPsec SA (one direction), identified by the SPI its receiver chose. */
public record DirectionalKeys(int spi, byte[] encryptionKey, byte[] salt, byte[] integrityKey) {

    public DirectionalKeys {
        encryptionKey = encryptionKey.clone();
        salt = salt.clone();
        integrityKey = integrityKey.clone();
    }

    @Override
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] integrityKey() {
        return integrityKey.clone();
    }

    /** Overwrites the keys held by this object. */
    public void destroy() {
        Bytes.wipe(encryptionKey, salt, integrityKey);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "DirectionalKeys[spi=" + String.format("%08x", spi) + "]";
    }
}
