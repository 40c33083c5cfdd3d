package io.portcullis.ike.esp;

import static io.portcullis.ike.esp.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 4106 has no vectors of its own; these are the ESP packets of draft-mcgrew-gcm-test-01 §4
 * ("Test Cases for the use of GCM and GMAC in IPsec ESP"), the cases with 32-bit sequence numbers.
 * KEYMAT = AES key | 4-octet salt (RFC 4106 §8.1). The draft's plaintexts end in next header 1
 * (a transport-mode trailer), which our tunnel-only decoder refuses after authenticating them.
 */
class GcmEspVectorsTest {

    record Vector(String name, String key, String salt, int spi, long iv, String plaintext, String packet) {
        byte[] keymat() {
            return hex(key + salt);
        }

        EspTransform transform() {
            return EspTransform.aesGcm16(hex(key).length * 8);
        }
    }

    static Stream<Vector> vectors() {
        return Stream.of(
            new Vector("AES-128 SPI 0000a5f8 seq 10",
                "feffe9928665731c6d6a8f9467308308", "cafebabe", 0x0000a5f8, 0xfacedbaddecaf888L,
                "4500003e698f000080114dccc0a80102c0a801010a980035002a2343b2d00100"
                    + "0001000000000000037369700963796265726369747902646b00000100010001",
                "0000a5f80000000afacedbaddecaf888"
                    + "deb22cd9b07c72c16e3a65beeb8df304a5a5897d33ae530f1ba76d5d114d2a5c"
                    + "3de81827c10e9a4f51330d0eec416642cfbb85a5b47e48a4ec3b9ba95d918bd1"
                    + "83b70d3aa8bc6ee4c309e9d85a41ad4a"),
            new Vector("AES-256 SPI 4a2cbfe3 seq 2",
                "abbccddef00112233445566778899aababbccddef00112233445566778899aab", "11223344",
                0x4a2cbfe3, 0x0102030405060708L,
                "4500003069a6400080062690c0a801029389155e0a9e008b2dc57ee000000000"
                    + "7002400020bf0000020405b40101040201020201",
                "4a2cbfe3000000020102030405060708"
                    + "ff425c9b724599df7a3bcd510194e00d6a78107f1b0b1cbf06efae9d65a5d763"
                    + "748a637985771d347f0545659f14e99def842d8eb335f4eecfdbf831824b4c49"
                    + "15956c96"),
            new Vector("AES-192 SPI 0000a5f8 seq 10",
                "feffe9928665731c6d6a8f9467308308feffe9928665731c", "cafebabe", 0x0000a5f8, 0xfacedbaddecaf888L,
                "45000028a4ad4000400678800a01038f0a010612802306b8cb712602dd6bb03e501016d075680001",
                "0000a5f80000000afacedbaddecaf888"
                    + "a5b1f8066029aea40e598b8122de02420938b3ab33f828e687b8858b5bfbdbd0"
                    + "315b27452144cc7795457b9652037f5318027b5b4cd7a636"),
            new Vector("AES-128 SPI 335467ae seq 2^32-1",
                "7d773d00c144c525ac619d18c84a3f47", "d9664267", 0x335467ae, 0x43457e9182443bc6L,
                "01020201",
                "335467aeffffffff43457e9182443bc6437f866bcb3f699fe9b0822bac961c4504bef270"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sealingReproducesDraftPacket(Vector v) throws Exception {
        byte[] expected = hex(v.packet());
        byte[] plaintext = hex(v.plaintext());
        byte[] buf = new byte[expected.length];
        System.arraycopy(expected, 0, buf, 0, 8); // SPI and sequence number as the encoder writes them
        System.arraycopy(plaintext, 0, buf, 16, plaintext.length);

        GcmSuite suite = new GcmSuite(EspKeys.fromKeymat(v.transform(), v.keymat()));
        suite.sealWithExplicitIv(v.iv(), buf, 0, plaintext.length);

        assertThat(buf).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void openingDraftPacketYieldsPlaintext(Vector v) throws Exception {
        byte[] packet = hex(v.packet());
        byte[] out = new byte[packet.length];

        GcmSuite suite = new GcmSuite(EspKeys.fromKeymat(v.transform(), v.keymat()));
        int n = suite.open(packet, 0, packet.length, out, 0);

        assertThat(Arrays.copyOf(out, n)).isEqualTo(hex(v.plaintext()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decoderAuthenticatesDraftPacketThenRefusesTransportNextHeader(Vector v) throws Exception {
        SaDatabase db = new SaDatabase();
        SecurityAssociation sa = SecurityAssociation.inbound(v.spi()).transform(v.transform()).keymat(v.keymat())
                .selectors(TrafficSelector.of("0.0.0.0/0"), TrafficSelector.of("0.0.0.0/0"))
                .clock(Clock.systemUTC()).build();
        db.install(sa);
        byte[] packet = hex(v.packet());
        byte[] out = new byte[packet.length];

        EspResult first = new EspDecoder(db).decode(packet, 0, packet.length, out, 0);

        // Authenticated and decrypted (else AUTH_FAILED), trailer well-formed (else BAD_PADDING) ...
        assertThat(first).isInstanceOf(EspResult.Dropped.class);
        assertThat(((EspResult.Dropped) first).reason()).isEqualTo(DropReason.BAD_NEXT_HEADER);
        assertThat(Arrays.copyOf(out, hex(v.plaintext()).length)).isEqualTo(hex(v.plaintext()));
        // ... and since the ICV verified, the window moved: the same packet again is a replay.
        EspResult again = new EspDecoder(db).decode(packet, 0, packet.length, new byte[packet.length], 0);
        assertThat(((EspResult.Dropped) again).reason()).isEqualTo(DropReason.REPLAY);
    }

    @Test
    void draftPacketWithOneFlippedCiphertextBitFailsAuthentication() throws Exception {
        Vector v = vectors().findFirst().orElseThrow();
        SaDatabase db = new SaDatabase();
        db.install(SecurityAssociation.inbound(v.spi()).transform(v.transform()).keymat(v.keymat())
                .selectors(TrafficSelector.of("0.0.0.0/0"), TrafficSelector.of("0.0.0.0/0"))
                .clock(Clock.systemUTC()).build());
        byte[] packet = hex(v.packet());
        packet[30] ^= 0x01;

        EspResult r = new EspDecoder(db).decode(packet, 0, packet.length, new byte[packet.length], 0);

        assertThat(((EspResult.Dropped) r).reason()).isEqualTo(DropReason.AUTH_FAILED);
    }
}
