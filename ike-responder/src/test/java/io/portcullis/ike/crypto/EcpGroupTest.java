package io.portcullis.ike.crypto;

import static io.portcullis.ike.crypto.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 5903 §8 test vectors and peer point validation for groups 19 and 20. */
class EcpGroupTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    // RFC 5903 §8.1, 256-bit random ECP group.
    private static final byte[] P256_I = hex("C88F01F5 10D9AC3F 70A292DA A2316DE5 44E9AAB8 AFE84049 C62A9C57 862D1433");
    private static final byte[] P256_GI = hex("DAD0B653 94221CF9 B051E1FE CA5787D0 98DFE637 FC90B9EF 945D0C37 72581180"
            + "5271A046 1CDB8252 D61F1C45 6FA3E59A B1F45B33 ACCF5F58 389E0577 B8990BB3");
    private static final byte[] P256_R = hex("C6EF9C5D 78AE012A 011164AC B397CE20 88685D8F 06BF9BE0 B283AB46 476BEE53");
    private static final byte[] P256_GR = hex("D12DFB52 89C8D4F8 1208B702 70398C34 2296970A 0BCCB74C 736FC755 4494BF63"
            + "56FBF3CA 366CC23E 8157854C 13C58D6A AC23F046 ADA30F83 53E74F33 039872AB");
    private static final byte[] P256_GIR_X = hex("D6840F6B 42F6EDAF D13116E0 E1256520 2FEF8E9E CE7DCE03 812464D0 4B9442DE");

    // RFC 5903 §8.2, 384-bit random ECP group.
    private static final byte[] P384_I = hex("099F3C70 34D4A2C6 99884D73 A375A67F 7624EF7C 6B3C0F16 0647B674 14DCE655"
            + "E35B5380 41E649EE 3FAEF896 783AB194");
    private static final byte[] P384_GI = hex("667842D7 D180AC2C DE6F74F3 7551F557 55C7645C 20EF73E3 1634FE72 B4C55EE6"
            + "DE3AC808 ACB4BDB4 C88732AE E95F41AA"
            + "9482ED1F C0EEB9CA FC498462 5CCFC23F 65032149 E0E144AD A0241815 35A0F38E"
            + "EB9FCFF3 C2C947DA E69B4C63 4573A81C");
    private static final byte[] P384_R = hex("41CB0779 B4BDB85D 47846725 FBEC3C94 30FAB46C C8DC5060 855CC9BD A0AA2942"
            + "E0308312 916B8ED2 960E4BD5 5A7448FC");
    private static final byte[] P384_GR = hex("E558DBEF 53EECDE3 D3FCCFC1 AEA08A89 A987475D 12FD950D 83CFA417 32BC509D"
            + "0D1AC43A 0336DEF9 6FDA41D0 774A3571"
            + "DCFBEC7A ACF31964 72169E83 8430367F 66EEBE3C 6E70C416 DD5F0C68 759DD1FF"
            + "F83FA401 42209DFF 5EAAD96D B9E6386C");
    private static final byte[] P384_GIR_X = hex("11187331 C279962D 93D60424 3FD592CB 9D0A926F 422E4718 7521287E 7156C5C4"
            + "D6031355 69B9E9D0 9CF5D4A2 70F59746");

    @Test
    void group19MatchesRfc5903Section81() throws IkeCryptoException {
        DhKeyPair initiator = EcpGroup.ECP_256.fromPrivateValue(P256_I);
        DhKeyPair responder = EcpGroup.ECP_256.fromPrivateValue(P256_R);

        assertThat(initiator.publicValue()).isEqualTo(P256_GI);
        assertThat(responder.publicValue()).isEqualTo(P256_GR);
        assertThat(EcpGroup.ECP_256.sharedSecret(initiator.privateKey(), P256_GR)).isEqualTo(P256_GIR_X);
        assertThat(EcpGroup.ECP_256.sharedSecret(responder.privateKey(), P256_GI)).isEqualTo(P256_GIR_X);
    }

    @Test
    void group20MatchesRfc5903Section82() throws IkeCryptoException {
        DhKeyPair initiator = EcpGroup.ECP_384.fromPrivateValue(P384_I);
        DhKeyPair responder = EcpGroup.ECP_384.fromPrivateValue(P384_R);

        assertThat(initiator.publicValue()).isEqualTo(P384_GI);
        assertThat(responder.publicValue()).isEqualTo(P384_GR);
        assertThat(EcpGroup.ECP_384.sharedSecret(initiator.privateKey(), P384_GR)).isEqualTo(P384_GIR_X);
        assertThat(EcpGroup.ECP_384.sharedSecret(responder.privateKey(), P384_GI)).isEqualTo(P384_GIR_X);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void generatedKeysAgreeAndUseXPipeYEncoding(Curve curve) throws IkeCryptoException {
        EcpGroup group = curve.group;
        DhKeyPair a = group.generate(RANDOM);
        DhKeyPair b = group.generate(RANDOM);

        assertThat(a.publicValue()).hasSize(2 * curve.fieldLength);
        byte[] secret = group.sharedSecret(a.privateKey(), b.publicValue());
        assertThat(secret).hasSize(curve.fieldLength).isEqualTo(group.sharedSecret(b.privateKey(), a.publicValue()));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void offCurvePointIsRejected(Curve curve) {
        EcpGroup group = curve.group;
        DhKeyPair own = group.generate(RANDOM);
        byte[] point = group.generate(RANDOM).publicValue();
        point[point.length - 1] ^= 1;

        assertInvalid(group, own, point);
        assertInvalid(group, own, new byte[2 * curve.fieldLength]);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void coordinateNotBelowTheFieldPrimeIsRejected(Curve curve) throws IkeCryptoException {
        EcpGroup group = curve.group;
        DhKeyPair own = group.generate(RANDOM);
        BigInteger[] point = curve.pointWithSmallX();
        byte[] y = ByteArrays.unsignedFixedLength(point[1], curve.fieldLength);
        byte[] valid = ByteArrays.concat(ByteArrays.unsignedFixedLength(point[0], curve.fieldLength), y);
        // x + p names the same residue but is not a canonical field element.
        byte[] unreduced = ByteArrays.concat(ByteArrays.unsignedFixedLength(point[0].add(curve.prime()), curve.fieldLength), y);

        assertThat(group.sharedSecret(own.privateKey(), valid)).hasSize(curve.fieldLength);
        assertInvalid(group, own, unreduced);
        byte[] allOnes = new byte[2 * curve.fieldLength];
        Arrays.fill(allOnes, (byte) 0xff);
        assertInvalid(group, own, allOnes);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void wrongLengthsIncludingSec1UncompressedFormAreRejected(Curve curve) {
        EcpGroup group = curve.group;
        DhKeyPair own = group.generate(RANDOM);
        byte[] valid = group.generate(RANDOM).publicValue();
        byte[] sec1 = new byte[valid.length + 1];
        sec1[0] = 0x04;
        System.arraycopy(valid, 0, sec1, 1, valid.length);

        assertInvalid(group, own, sec1);
        assertInvalid(group, own, Arrays.copyOf(valid, valid.length - 1));
        assertInvalid(group, own, new byte[0]);
    }

    @Test
    void privateScalarOutsideTheGroupOrderIsRefused() {
        assertThatThrownBy(() -> EcpGroup.ECP_256.fromPrivateValue(new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] tooBig = new byte[32];
        Arrays.fill(tooBig, (byte) 0xff);
        assertThatThrownBy(() -> EcpGroup.ECP_256.fromPrivateValue(tooBig))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInvalid(EcpGroup group, DhKeyPair own, byte[] peer) {
        assertThatThrownBy(() -> group.sharedSecret(own.privateKey(), peer))
                .isInstanceOfSatisfying(IkeCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(IkeCryptoException.Reason.INVALID_PUBLIC_VALUE));
    }

    enum Curve {
        P256(EcpGroup.ECP_256, 32, "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF"),
        P384(EcpGroup.ECP_384, 48, "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE"
                + "FFFFFFFF0000000000000000FFFFFFFF");

        final EcpGroup group;
        final int fieldLength;
        final String primeHex;

        Curve(EcpGroup group, int fieldLength, String primeHex) {
            this.group = group;
            this.fieldLength = fieldLength;
            this.primeHex = primeHex;
        }

        BigInteger prime() {
            return new BigInteger(primeHex, 16);
        }

        /** The on-curve point with the smallest x; both primes are 3 mod 4, so y = rhs^((p+1)/4). */
        BigInteger[] pointWithSmallX() {
            BigInteger p = prime();
            BigInteger a = p.subtract(BigInteger.valueOf(3));
            BigInteger b = new BigInteger(1, bHex());
            for (BigInteger x = BigInteger.ZERO; ; x = x.add(BigInteger.ONE)) {
                BigInteger rhs = x.pow(3).add(a.multiply(x)).add(b).mod(p);
                BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
                if (y.multiply(y).mod(p).equals(rhs)) {
                    return new BigInteger[] {x, y};
                }
            }
        }

        private byte[] bHex() {
            return this == P256
                    ? hex("5AC635D8 AA3A93E7 B3EBBD55 769886BC 651D06B0 CC53B0F6 3BCE3C3E 27D2604B")
                    : hex("B3312FA7 E23EE7E4 988E056B E3F82D19 181D9C6E FE814112 0314088F 5013875A"
                            + "C656398D 8A2ED19D 2A85C8ED D3EC2AEF");
        }
    }
}
