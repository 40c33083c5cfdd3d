package io.portcullis.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModpGroupTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static List<ModpGroup> groups() {
        return List.of(ModpGroup.MODP_1024, ModpGroup.MODP_1536, ModpGroup.MODP_2048, ModpGroup.MODP_3072,
                ModpGroup.MODP_4096);
    }

    /**
     * RFC 2409 §6.2 and RFC 3526 §2-5 define each prime as
     * p = 2^n - 2^(n-64) - 1 + 2^64 * ( [2^(n-130) pi] + k ); recomputing it from pi checks the
     * Bouncy Castle constants against the RFC definition rather than against another copy.
     */
    @Test
    void primesAreTheRfcPrimesDerivedFromPi() {
        BigDecimal pi = pi(1400);
        assertThat(ModpGroup.MODP_1024.prime()).isEqualTo(rfcPrime(pi, 1024, 129093));
        assertThat(ModpGroup.MODP_1536.prime()).isEqualTo(rfcPrime(pi, 1536, 741804));
        assertThat(ModpGroup.MODP_2048.prime()).isEqualTo(rfcPrime(pi, 2048, 124476));
        assertThat(ModpGroup.MODP_3072.prime()).isEqualTo(rfcPrime(pi, 3072, 1690314));
        assertThat(ModpGroup.MODP_4096.prime()).isEqualTo(rfcPrime(pi, 4096, 240904));
        for (ModpGroup group : groups()) {
            assertThat(group.generator()).isEqualTo(BigInteger.TWO);
        }
    }

    private static BigInteger rfcPrime(BigDecimal pi, int n, long k) {
        BigInteger floor = pi.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(n - 130))).toBigInteger();
        return BigInteger.ONE.shiftLeft(n)
                .subtract(BigInteger.ONE.shiftLeft(n - 64))
                .subtract(BigInteger.ONE)
                .add(BigInteger.ONE.shiftLeft(64).multiply(floor.add(BigInteger.valueOf(k))));
    }

    /** Machin's formula, pi = 16 atan(1/5) - 4 atan(1/239), to {@code digits} decimal digits. */
    private static BigDecimal pi(int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        return arctanOfInverse(5, mc).multiply(BigDecimal.valueOf(16))
                .subtract(arctanOfInverse(239, mc).multiply(BigDecimal.valueOf(4)), mc);
    }

    private static BigDecimal arctanOfInverse(int x, MathContext mc) {
        BigDecimal xSquared = BigDecimal.valueOf((long) x * x);
        BigDecimal term = BigDecimal.ONE.divide(BigDecimal.valueOf(x), mc);
        BigDecimal sum = term;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision());
        for (int n = 1; term.abs().compareTo(epsilon) > 0; n++) {
            term = term.divide(xSquared, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * n + 1), mc), mc);
        }
        return sum;
    }

    @Test
    void groupIdsAreTheIkeGroupDescriptions() {
        assertThat(groups()).extracting(ModpGroup::id).containsExactly(2, 5, 14, 15, 16);
        assertThat(groups()).extracting(ModpGroup::publicValueLength).containsExactly(128, 192, 256, 384, 512);
    }

    @ParameterizedTest
    @MethodSource("groups")
    void bothSidesDeriveTheSameFixedLengthSecret(ModpGroup group) throws IkeCryptoException {
        DhKeyPair initiator = group.generate(RANDOM);
        DhKeyPair responder = group.generate(RANDOM);
        assertThat(initiator.publicValue()).hasSize(group.publicValueLength());

        byte[] atInitiator = group.sharedSecret(initiator.privateKey(), responder.publicValue());
        byte[] atResponder = group.sharedSecret(responder.privateKey(), initiator.publicValue());

        assertThat(atInitiator).hasSize(group.sharedSecretLength()).isEqualTo(atResponder);
    }

    @Test
    void sharedSecretIsLeftPaddedToThePrimeLength() throws IkeCryptoException {
        ModpGroup group = ModpGroup.MODP_2048;
        DhKeyPair own = group.fromPrivateValue(new byte[] {8});
        byte[] peer = ByteArrays.unsignedFixedLength(BigInteger.TWO, 256);

        byte[] secret = group.sharedSecret(own.privateKey(), peer);

        // 2^8 = 0x0100: 254 leading zero bytes must be kept.
        byte[] expected = new byte[256];
        expected[254] = 1;
        assertThat(secret).isEqualTo(expected);
    }

    @Test
    void publicValueOfInjectedExponentIsTwoToThatPower() {
        DhKeyPair pair = ModpGroup.MODP_1024.fromPrivateValue(new byte[] {3});
        byte[] expected = new byte[128];
        expected[127] = 8;
        assertThat(pair.publicValue()).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("groups")
    void peerValuesOutsideOneToPMinusOneAreRejected(ModpGroup group) {
        DhKeyPair own = group.generate(RANDOM);
        BigInteger p = group.prime();
        int length = group.publicValueLength();
        for (BigInteger bad : List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
                BigInteger.ONE.shiftLeft(8 * length).subtract(BigInteger.ONE))) {
            assertThatThrownBy(() -> group.sharedSecret(own.privateKey(), ByteArrays.unsignedFixedLength(bad, length)))
                    .isInstanceOfSatisfying(IkeCryptoException.class,
                            e -> assertThat(e.reason()).isEqualTo(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE));
        }
    }

    @ParameterizedTest
    @MethodSource("groups")
    void peerValuesOfTheWrongLengthAreRejectedEvenWhenNumericallyValid(ModpGroup group) {
        DhKeyPair own = group.generate(RANDOM);
        int length = group.publicValueLength();
        byte[] valid = group.generate(RANDOM).publicValue();
        byte[] oneByteLonger = new byte[length + 1];
        System.arraycopy(valid, 0, oneByteLonger, 1, length);
        byte[] stripped = ByteArrays.unsignedFixedLength(BigInteger.TWO, length - 1);

        for (byte[] bad : List.of(oneByteLonger, stripped, new byte[0])) {
            assertThatThrownBy(() -> group.sharedSecret(own.privateKey(), bad))
                    .isInstanceOfSatisfying(IkeCryptoException.class,
                            e -> assertThat(e.reason()).isEqualTo(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE));
        }
    }

    @Test
    void privateKeyOfAnotherGroupIsACallerBug() {
        DhKeyPair own = ModpGroup.MODP_1024.generate(RANDOM);
        byte[] peer = ModpGroup.MODP_2048.generate(RANDOM).publicValue();
        assertThatThrownBy(() -> ModpGroup.MODP_2048.sharedSecret(own.privateKey(), peer))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void destroyedPrivateKeyCannotBeUsed() {
        DhKeyPair own = ModpGroup.MODP_1024.generate(RANDOM);
        byte[] peer = ModpGroup.MODP_1024.generate(RANDOM).publicValue();
        own.privateKey().destroy();
        assertThatThrownBy(() -> ModpGroup.MODP_1024.sharedSecret(own.privateKey(), peer))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void groupsAreFoundByIkeGroupDescription() {
        assertThat(DhGroups.byId(14)).contains(ModpGroup.MODP_2048);
        assertThat(DhGroups.byId(19)).contains(EcpGroup.ECP_256);
        assertThat(DhGroups.byId(1)).isEmpty();
        assertThat(DhGroups.all()).extracting(DhGroup::id).containsExactly(2, 5, 14, 15, 16, 19, 20);
    }
}
