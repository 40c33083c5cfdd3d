package io.portcullis.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.junit.jupiter.api.Test;

class SerialNumberGeneratorTest {

    @Test
    void serialsArePositiveAtMost128BitsAndFitTwentyDerOctets() throws Exception {
        SerialNumberGenerator generator = new SerialNumberGenerator(new SecureRandom());
        Set<BigInteger> seen = new HashSet<>();
        int longSerials = 0;
        for (int i = 0; i < 10_000; i++) {
            BigInteger serial = generator.next();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
            byte[] der = new ASN1Integer(serial).getEncoded();
            assertThat(der.length - 2).isLessThanOrEqualTo(20);
            longSerials += serial.bitLength() > 120 ? 1 : 0;
            seen.add(serial);
        }
        assertThat(seen).hasSize(10_000);
        // Almost every serial uses nearly all 128 bits; a generator that dropped entropy would not.
        assertThat(longSerials).isGreaterThan(9_900);
    }

    @Test
    void zeroFromTheRandomSourceIsSkipped() {
        SecureRandom zeroThenOnes = new SecureRandom() {
            private int calls;

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, calls++ == 0 ? (byte) 0 : (byte) 1);
            }
        };

        assertThat(new SerialNumberGenerator(zeroThenOnes).next().signum()).isPositive();
    }
}
