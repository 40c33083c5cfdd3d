package io.portcullis.ike.esp;

import io.portcullis.ike.isakmp.StrongSwanCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the seed corpora of this module's fuzz tests (run once by hand; the files are committed):
 * {@code java -cp <test classpath> io.portcullis.ike.esp.FuzzSeedWriter src/test/resources}.
 * ISAKMP seeds are the strongSwan datagrams captured on this machine; ESP seeds are packets the
 * project's own {@link EspEncoder} produced, and inner packets with an RFC 4303 trailer to seal.
 */
public final class FuzzSeedWriter {

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args[0]);
        Map<String, byte[]> isakmp = new LinkedHashMap<>();
        isakmp.put("main-mode-1", StrongSwanCapture.MAIN_MODE_1_INITIATOR);
        isakmp.put("main-mode-2", StrongSwanCapture.MAIN_MODE_2_RESPONDER);
        isakmp.put("main-mode-3", StrongSwanCapture.MAIN_MODE_3_INITIATOR);
        isakmp.put("main-mode-4", StrongSwanCapture.MAIN_MODE_4_RESPONDER);
        isakmp.put("main-mode-5-fragment-1", StrongSwanCapture.MAIN_MODE_5_FRAGMENT_1);
        isakmp.put("main-mode-6-fragment-3", StrongSwanCapture.MAIN_MODE_6_FRAGMENT_3);
        isakmp.put("quick-mode-1", StrongSwanCapture.QUICK_MODE_1_INITIATOR);
        isakmp.put("quick-mode-2", StrongSwanCapture.QUICK_MODE_2_RESPONDER);
        isakmp.put("informational-1", StrongSwanCapture.INFORMATIONAL_1);
        write(resources.resolve("io/portcullis/ike/isakmp/IsakmpDecoderFuzzTestInputs/datagram"), isakmp);

        Map<String, byte[]> fragments = new LinkedHashMap<>();
        fragments.put("main-mode-5-in-order", records(0, false, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_1,
                StrongSwanCapture.MAIN_MODE_5_FRAGMENT_2, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_3));
        fragments.put("main-mode-6-reversed", records(0, false, StrongSwanCapture.MAIN_MODE_6_FRAGMENT_3,
                StrongSwanCapture.MAIN_MODE_6_FRAGMENT_2, StrongSwanCapture.MAIN_MODE_6_FRAGMENT_1));
        fragments.put("main-mode-5-two-senders", records(1, true, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_1,
                StrongSwanCapture.MAIN_MODE_5_FRAGMENT_2, StrongSwanCapture.MAIN_MODE_5_FRAGMENT_3));
        write(resources.resolve("io/portcullis/ike/isakmp/FragmentReassemblyFuzzTestInputs/datagrams"), fragments);

        Map<String, byte[]> esp = new LinkedHashMap<>();
        int[] transforms = { 0, 3, 8, 10, 12 }; // AES-CBC/SHA1, AES-CBC/SHA-256, AES-CBC/SHA-512, AES-GCM 128 and 256
        for (int index : transforms) {
            EspTransform t = Fixtures.ALL_TRANSFORMS[index];
            String name = t.toString().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase();
            byte[] v4 = Fixtures.ipv4Udp("198.51.100.10", "203.0.113.20", 5000, 53, 40);
            byte[] v6 = Fixtures.ipv6Udp("2001:db8:1::10", "2001:db8:2::20", 5000, 53, 24);
            esp.put(name + "-encoded-ipv4", prefixed(index, encoded(t, v4)));
            esp.put(name + "-sealed-ipv4", prefixed(0x80 | index, withTrailer(v4, t.paddingAlignment(), 4)));
            esp.put(name + "-sealed-ipv6", prefixed(0x80 | index, withTrailer(v6, t.paddingAlignment(), 41)));
        }
        write(resources.resolve("io/portcullis/ike/esp/EspDecoderFuzzTestInputs/packet"), esp);
    }

    /** An ESP packet from the peer's encoder, as the gateway receives it on UDP 4500. */
    private static byte[] encoded(EspTransform t, byte[] inner) throws Exception {
        byte[] peerPacket = inner; // Link's sending SA covers 198.51.100.0/24 -> 203.0.113.0/24
        Fixtures.Pair pair = Fixtures.pair(t, EspDecoderFuzzTest.SPI, java.time.Clock.systemUTC());
        SaDatabase db = new SaDatabase();
        db.install(pair.out());
        byte[] out = new byte[EspEncoder.encodedLength(t, peerPacket.length)];
        EspResult result = new EspEncoder(db).encode(peerPacket, 0, peerPacket.length, out, 0);
        if (!(result instanceof EspResult.Processed processed)) {
            throw new IllegalStateException("seed did not encode: " + result);
        }
        return Arrays.copyOf(out, processed.length());
    }

    private static byte[] withTrailer(byte[] inner, int alignment, int nextHeader) {
        int pad = EspPadding.padLength(inner.length, alignment);
        byte[] p = Arrays.copyOf(inner, inner.length + pad + 2);
        for (int i = 0; i < pad; i++) {
            p[inner.length + i] = (byte) (i + 1);
        }
        p[p.length - 2] = (byte) pad;
        p[p.length - 1] = (byte) nextHeader;
        return p;
    }

    private static byte[] prefixed(int first, byte[] rest) {
        byte[] b = new byte[rest.length + 1];
        b[0] = (byte) first;
        System.arraycopy(rest, 0, b, 1, rest.length);
        return b;
    }

    /** The reassembly target's input format: control(1) | length(2) | datagram, per datagram. */
    private static byte[] records(int sender, boolean alternate, byte[]... datagrams) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] d : datagrams) {
            out.write(sender);
            out.write(d.length >>> 8);
            out.write(d.length);
            out.writeBytes(d);
            sender ^= alternate ? 1 : 0;
        }
        return out.toByteArray();
    }

    static void write(Path dir, Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(dir.resolve(seed.getKey()), seed.getValue());
        }
    }
}
