package io.portcullis.ike.esp;

import static io.portcullis.ike.esp.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.EspTransform.Integrity;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 3602 §4 test cases #7 and #8: AES-128-CBC ESP in tunnel mode (next header 4). The RFC's packets
 * carry no ICV; here the SA adds HMAC-SHA1-96, and the expected ICV is computed in the test with plain
 * JCA over the RFC's packet bytes, independently of {@link CbcHmacSuite}.
 */
class CbcEspVectorsTest {
    private static final byte[] AES_KEY = hex("0123456789abcdef0123456789abcdef");
    private static final byte[] MAC_KEY = hex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4");
    private static final int SPI = 0x00008765;

    record Vector(String name, long sequence, String iv, String inner, String packetWithoutIcv) {
    }

    static Stream<Vector> vectors() {
        return Stream.of(
            new Vector("case 7: 84-octet ICMP echo", 2, "f4e765244f6407adf13dc1380f673f37",
                "45000054090400004001f988c0a87b03c0a87bc808009f76a90a0100b49c083d02a20400"
                    + "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b"
                    + "2c2d2e2f3031323334353637",
                "0000876500000002f4e765244f6407adf13dc1380f673f37773b5241a4c449225e4f3ce5"
                    + "ed611b0c237ca96cf74a93013c1b0ea1a0cf70f8e4ecaec78ac53aad7a0f022b859243c6"
                    + "47752e94a859352b8a4d4d2decd136e5c177f132ad3fbfb2201ac9904c74ee0a109e0ca1"
                    + "e4dfe9d5a100b842f1c22f0d"),
            new Vector("case 8: 68-octet ICMP echo", 5, "85d47224b5f3dd5d2101d4ea8dffab22",
                "45000044090c00004001f990c0a87b03c0a87bc80800d63caa0a0200c69c083da3de0300"
                    + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "000087650000000585d47224b5f3dd5d2101d4ea8dffab2215b92683819596a8047232cc"
                    + "00f7048fe45318e11f8a0f62ede3c3fc61203bb50f980a08c9843fd3a1b06d5c07ff9639"
                    + "b7eb7dfb3512e5de435e7207ed971ef3d2726d9b5ef6affc6d17a0decbb13892"));
    }

    private static final EspTransform TRANSFORM = EspTransform.aesCbc(128, Integrity.HMAC_SHA1_96);
    private static final TrafficSelector HOST_3 = TrafficSelector.of("192.168.123.3/32");
    private static final TrafficSelector HOST_200 = TrafficSelector.of("192.168.123.200/32");

    private static byte[] keymat() {
        byte[] km = Arrays.copyOf(AES_KEY, 36);
        System.arraycopy(MAC_KEY, 0, km, 16, 20);
        return km;
    }

    private static byte[] hmacSha1_96(byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(MAC_KEY, "HmacSHA1"));
        return Arrays.copyOf(mac.doFinal(data), 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encoderReproducesRfc3602PacketAndAppendsIndependentlyComputedIcv(Vector v) throws Exception {
        SaDatabase db = new SaDatabase();
        SecurityAssociation sa = SecurityAssociation.outbound(SPI).transform(TRANSFORM).keymat(keymat())
                .selectors(HOST_3, HOST_200).clock(Clock.systemUTC()).random(new Fixtures.ScriptedRandom(hex(v.iv())))
                .build();
        sa.skipSequenceTo(v.sequence() - 1);
        db.install(sa);
        byte[] inner = hex(v.inner());
        byte[] out = new byte[200];

        EspResult r = new EspEncoder(db).encode(inner, 0, inner.length, out, 0);

        byte[] expected = hex(v.packetWithoutIcv());
        assertThat(r).isInstanceOf(EspResult.Processed.class);
        assertThat(((EspResult.Processed) r).length()).isEqualTo(expected.length + 12);
        assertThat(Arrays.copyOf(out, expected.length)).isEqualTo(expected);
        assertThat(Arrays.copyOfRange(out, expected.length, expected.length + 12)).isEqualTo(hmacSha1_96(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decoderRecoversRfc3602InnerPacket(Vector v) throws Exception {
        SaDatabase db = new SaDatabase();
        db.install(SecurityAssociation.inbound(SPI).transform(TRANSFORM).keymat(keymat())
                .selectors(HOST_200, HOST_3).clock(Clock.systemUTC()).random(new SecureRandom()).build());
        byte[] body = hex(v.packetWithoutIcv());
        byte[] packet = Arrays.copyOf(body, body.length + 12);
        System.arraycopy(hmacSha1_96(body), 0, packet, body.length, 12);

        EspResult r = new EspDecoder(db).decode(packet, 0, packet.length, packet, 0); // in place

        assertThat(r).isInstanceOf(EspResult.Processed.class);
        EspResult.Processed p = (EspResult.Processed) r;
        assertThat(Arrays.copyOfRange(packet, p.offset(), p.offset() + p.length())).isEqualTo(hex(v.inner()));
        assertThat(p.sa().highestSequence()).isEqualTo(v.sequence());
    }
}
