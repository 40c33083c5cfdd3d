package io.portcullis.ike.dataplane;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Test IPv4/UDP packets with a valid header checksum. */
final class Packets {
    private Packets() {
    }

    static byte[] ipv4Udp(String source, String destination, int payload) {
        byte[] p = new byte[28 + payload];
        p[0] = 0x45;
        p[2] = (byte) (p.length >>> 8);
        p[3] = (byte) p.length;
        p[8] = 64;
        p[9] = 17;
        try {
            System.arraycopy(InetAddress.getByName(source).getAddress(), 0, p, 12, 4);
            System.arraycopy(InetAddress.getByName(destination).getAddress(), 0, p, 16, 4);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
        p[10] = (byte) (sum >>> 8);
        p[11] = (byte) sum;
        p[21] = 53;
        p[23] = 53;
        p[24] = (byte) ((8 + payload) >>> 8);
        p[25] = (byte) (8 + payload);
        for (int i = 28; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }
}
