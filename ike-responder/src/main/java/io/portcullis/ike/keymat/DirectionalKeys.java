package io.portcullis.ike.keymat;

import io.portcullis.ike.crypto.ByteArrays;

/**
 * The KEYMAT of one IPsec SA (one direction), identified by the SPI its receiver chose. It stays
 * one string here: the data plane cuts it into encryption key, salt and integrity key
 * ({@code esp.EspKeys.fromKeymat}), so that cut exists once.
 */
public record DirectionalKeys(int spi, byte[] keymat) {

    public DirectionalKeys {
        keymat = keymat.clone();
    }

    @Override
    public byte[] keymat() {
        return keymat.clone();
    }

    /** Overwrites the key material held by this object. */
    public void destroy() {
        ByteArrays.wipe(keymat);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "DirectionalKeys[spi=" + String.format("%08x", spi) + "]";
    }
}
