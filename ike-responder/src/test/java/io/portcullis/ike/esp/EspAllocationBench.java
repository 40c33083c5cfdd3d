package io.portcullis.ike.esp;

import java.lang.management.ManagementFactory;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Heap bytes allocated per packet on the ESP hot path (encode, then encode + decode), next to a
 * reference measured in the same run: the JDK provider alone doing the same cipher work on the same
 * packet into a separate output array (a fresh IV, init, AAD or MAC, doFinal), which is the least a
 * JCA-based data plane can allocate per packet. Counts come from the thread's allocation counter
 * ({@code com.sun.management.ThreadMXBean}), after a warm-up so the JIT has compiled the loop.
 *
 * <pre>bin/bench-esp-alloc [packets-per-round]</pre>
 */
public final class EspAllocationBench {
    private static final int INNER_PAYLOAD = 1372; // a full tunnel MTU of 1400: 28 octets of IPv4/UDP headers
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private EspAllocationBench() {
    }

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        System.out.printf("%-30s %14s %22s %26s%n", "ESP transform", "encode B/pkt", "encode+decode B/pkt",
                "JDK cipher alone B/pkt (enc, enc+dec)");
        for (EspTransform t : new EspTransform[] {
            EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128), EspTransform.aesGcm16(128)}) {
            Core core = new Core(t);
            Reference reference = new Reference(t);
            for (int warm = 0; warm < 3; warm++) {
                core.measure(packets);
                reference.measure(packets);
            }
            double[] ours = core.measure(packets);
            double[] jdk = reference.measure(packets);
            System.out.printf("%-30s %14.0f %22.0f %16.0f, %.0f%n", t, ours[0], ours[1], jdk[0], jdk[1]);
        }
    }

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** The production encoder and decoder over one SA pair, as the data plane drives them. */
    private static final class Core {
        private final EspEncoder encoder;
        private final EspDecoder decoder;
        private final byte[] inner = Fixtures.ipv4Udp("198.51.100.7", "203.0.113.9", 4000, 5201, INNER_PAYLOAD);
        private final byte[] esp;
        private final byte[] plain;

        Core(EspTransform t) throws Exception {
            Fixtures.Link link = Fixtures.Link.of(t, 0x2000_0001);
            encoder = link.encoder();
            decoder = link.decoder();
            esp = new byte[inner.length + t.maxOverhead()];
            plain = new byte[esp.length];
        }

        double[] measure(int packets) {
            long start = allocated();
            for (int i = 0; i < packets; i++) {
                expectProcessed(encoder.encode(inner, 0, inner.length, esp, 0));
            }
            long encoded = allocated();
            for (int i = 0; i < packets; i++) {
                EspResult.Processed sent = expectProcessed(encoder.encode(inner, 0, inner.length, esp, 0));
                expectProcessed(decoder.decode(esp, 0, sent.length(), plain, 0));
            }
            long both = allocated();
            return new double[] {(encoded - start) / (double) packets, (both - encoded) / (double) packets};
        }

        private static EspResult.Processed expectProcessed(EspResult result) {
            if (result instanceof EspResult.Processed processed) {
                return processed;
            }
            throw new IllegalStateException("packet dropped: " + result);
        }
    }

    /** The same cipher and MAC work through the JCA alone, input and output in separate arrays. */
    private static final class Reference {
        private final boolean gcm;
        private final Cipher cipher;
        private final Mac mac;
        private final SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        private final byte[] iv;
        private final byte[] plaintext;
        private final byte[] ciphertext;
        private final byte[] decrypted;
        private final byte[] tag;

        Reference(EspTransform t) throws Exception {
            gcm = t.encryption() == EspTransform.Encryption.AES_GCM_16;
            cipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "AES/CBC/NoPadding");
            mac = gcm ? null : Mac.getInstance(t.integrity().jcaName());
            if (mac != null) {
                mac.init(new SecretKeySpec(new byte[32], t.integrity().jcaName()));
            }
            iv = new byte[gcm ? 12 : 16];
            int padded = EspEncoder.encodedLength(t, 28 + INNER_PAYLOAD) - 8 - t.ivBytes() - t.icvBytes();
            plaintext = new byte[padded];
            ciphertext = new byte[padded + 16];
            decrypted = new byte[padded + 16];
            tag = new byte[64];
        }

        double[] measure(int packets) throws Exception {
            long start = allocated();
            for (int i = 0; i < packets; i++) {
                encrypt(i);
            }
            long encoded = allocated();
            for (int i = 0; i < packets; i++) {
                int n = encrypt(i);
                decrypt(n);
            }
            long both = allocated();
            return new double[] {(encoded - start) / (double) packets, (both - encoded) / (double) packets};
        }

        private int encrypt(int counter) throws Exception {
            iv[iv.length - 1] = (byte) counter;
            iv[iv.length - 2] = (byte) (counter >>> 8);
            iv[iv.length - 3] = (byte) (counter >>> 16);
            if (gcm) {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                cipher.updateAAD(iv, 0, 8);
                return cipher.doFinal(plaintext, 0, plaintext.length, ciphertext, 0);
            }
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            int n = cipher.doFinal(plaintext, 0, plaintext.length, ciphertext, 0);
            mac.update(ciphertext, 0, n);
            mac.doFinal(tag, 0);
            return n;
        }

        private void decrypt(int length) throws Exception {
            if (gcm) {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
                cipher.updateAAD(iv, 0, 8);
            } else {
                mac.update(ciphertext, 0, length);
                mac.doFinal(tag, 0);
                cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
            }
            cipher.doFinal(ciphertext, 0, length, decrypted, 0);
        }
    }
}
