package io.portcullis.ike.crypto;

import java.util.Objects;

/** Our half of a Diffie-Hellman exchange: the private value and the KE payload data we send. */
public record DhKeyPair(DhPrivate privateKey, byte[] publicValue) {

    public DhKeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        publicValue = publicValue.clone();
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }
}
