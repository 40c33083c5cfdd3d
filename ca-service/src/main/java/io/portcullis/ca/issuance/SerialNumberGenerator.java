package io.portcullis.ca.issuance;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Certificate serial numbers: 128 bits straight from a CSPRNG. That is twice the 64 bits of
 * entropy CA/B Forum BR 7.1 requires, still fits RFC 5280's 20-octet limit (at most 17 DER
 * octets with the sign byte), and makes serials unpredictable so a chosen-prefix collision on the
 * signature cannot be prepared in advance. Uniqueness is enforced by the certificate store.
 */
public final class SerialNumberGenerator {

    static final int BITS = 128;

    private final SecureRandom random;

    public SerialNumberGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A positive, non-zero serial; {@code BigInteger(bits, random)} is never negative. */
    public BigInteger next() {
        BigInteger serial;
        do {
            serial = new BigInteger(BITS, random);
        } while (serial.signum() == 0);
        return serial;
    }
}
