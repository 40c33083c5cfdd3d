package io.portcullis.ike.esp;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/** Shared test data: hex, hand-built IP packets, SA pairs, a scripted random source (the settable clock is testing.ManualClock). */
final class Fixtures {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private Fixtures() {
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
    }

    static String hex(byte[] b, int off, int len) {
        return HexFormat.of().formatHex(b, off, off + len);
    }

    /** IPv4 UDP packet (checksums zero: nothing here checks them) with {@code payload} octets of data. */
    static byte[] ipv4Udp(String src, String dst, int srcPort, int dstPort, int payload) {
        int total = 20 + 8 + payload;
        byte[] p = new byte[total];
        p[0] = 0x45;
        p[2] = (byte) (total >>> 8);
        p[3] = (byte) total;
        p[8] = 64;
        p[9] = 17;
        System.arraycopy(v4(src), 0, p, 12, 4);
        System.arraycopy(v4(dst), 0, p, 16, 4);
        p[20] = (byte) (srcPort >>> 8);
        p[21] = (byte) srcPort;
        p[22] = (byte) (dstPort >>> 8);
        p[23] = (byte) dstPort;
        p[24] = (byte) ((8 + payload) >>> 8);
        p[25] = (byte) (8 + payload);
        for (int i = 0; i < payload; i++) {
            p[28 + i] = (byte) (i * 7 + 3);
        }
        return p;
    }

    /** IPv6 UDP packet with {@code payload} octets of data. */
    static byte[] ipv6Udp(String src, String dst, int srcPort, int dstPort, int payload) {
        int udp = 8 + payload;
        byte[] p = new byte[40 + udp];
        p[0] = 0x60;
        p[4] = (byte) (udp >>> 8);
        p[5] = (byte) udp;
        p[6] = 17;
        p[7] = 64;
        System.arraycopy(v6(src), 0, p, 8, 16);
        System.arraycopy(v6(dst), 0, p, 24, 16);
        p[40] = (byte) (srcPort >>> 8);
        p[41] = (byte) srcPort;
        p[42] = (byte) (dstPort >>> 8);
        p[43] = (byte) dstPort;
        for (int i = 0; i < payload; i++) {
            p[48 + i] = (byte) (i * 5 + 1);
        }
        return p;
    }

    static byte[] v4(String a) {
        String[] parts = a.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return b;
    }

    static byte[] v6(String a) {
        try {
            return java.net.InetAddress.getByName(a).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(a, e);
        }
    }

    static byte[] keymat(EspTransform t, int seed) {
        byte[] k = new byte[t.keymatBytes()];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed + i * 31);
        }
        return k;
    }

    /** Gateway side protects 198.51.100.0/24, the peer 203.0.113.0/24 (STRONGSWAN.md address plan). */
    static final TrafficSelector GATEWAY_NET = TrafficSelector.of("198.51.100.0/24");
    static final TrafficSelector PEER_NET = TrafficSelector.of("203.0.113.0/24");

    /** An outbound SA (gateway → peer) and the peer's matching inbound SA, same SPI and keys. */
    record Pair(SecurityAssociation out, SecurityAssociation in) {
    }

    static Pair pair(EspTransform t, int spi, Clock clock) throws GeneralSecurityException {
        return pair(t, spi, clock, LifetimeLimits.unlimited(), ReplayWindow.DEFAULT_SIZE);
    }

    static Pair pair(EspTransform t, int spi, Clock clock, LifetimeLimits limits, int window)
            throws GeneralSecurityException {
        byte[] km = keymat(t, spi);
        SecurityAssociation out = SecurityAssociation.outbound(spi).transform(t).keymat(km)
                .selectors(GATEWAY_NET, PEER_NET).lifetime(limits).clock(clock).random(new SecureRandom()).build();
        SecurityAssociation in = SecurityAssociation.inbound(spi).transform(t).keymat(km)
                .selectors(PEER_NET, GATEWAY_NET).lifetime(limits).replayWindowSize(window)
                .clock(clock).random(new SecureRandom()).build();
        return new Pair(out, in);
    }

    /** One SA pair, the sender's encoder over its outbound SA and the receiver's decoder over the inbound one. */
    record Link(Pair pair, EspEncoder encoder, EspDecoder decoder) {
        static Link of(EspTransform t, int spi) throws GeneralSecurityException {
            Pair pair = Fixtures.pair(t, spi, Clock.systemUTC());
            SaDatabase sender = new SaDatabase();
            SaDatabase receiver = new SaDatabase();
            sender.install(pair.out());
            receiver.install(pair.in());
            return new Link(pair, new EspEncoder(sender), new EspDecoder(receiver));
        }
    }

    static final EspTransform[] ALL_TRANSFORMS = {
        EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA1_96),
        EspTransform.aesCbc(192, EspTransform.Integrity.HMAC_SHA1_96),
        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA1_96),
        EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_256_128),
        EspTransform.aesCbc(192, EspTransform.Integrity.HMAC_SHA2_256_128),
        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_256_128),
        EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_384_192),
        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_384_192),
        EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA2_512_256),
        EspTransform.aesCbc(256, EspTransform.Integrity.HMAC_SHA2_512_256),
        EspTransform.aesGcm16(128),
        EspTransform.aesGcm16(192),
        EspTransform.aesGcm16(256),
    };

    /** Hands out the given bytes in order, so a CBC IV from a published vector can be reproduced. */
    static final class ScriptedRandom extends SecureRandom {
        private final byte[] script;
        private int next;

        ScriptedRandom(byte[] script) {
            this.script = script.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (next + bytes.length > script.length) {
                throw new IllegalStateException("script exhausted");
            }
            System.arraycopy(script, next, bytes, 0, bytes.length);
            next += bytes.length;
        }
    }
}
