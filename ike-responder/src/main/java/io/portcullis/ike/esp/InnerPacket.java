package io.portcullis.ike.esp;

/**
 * A bounds-checked read of the IPv4/IPv6 header of a tunnelled packet: version, lengths, protocol,
 * addresses and TCP/UDP ports, enough for the selector check. A mutable view, reused per thread by the
 * encoder and decoder; it points into the caller's buffer and copies nothing.
 */
public final class InnerPacket {
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int MAX_EXTENSION_HEADERS = 8;

    private byte[] buf;
    private int version;
    private int length;
    private int protocol;
    private int sourceOffset;
    private int destinationOffset;
    private int sourcePort;
    private int destinationPort;

    /**
     * Reads the header at {@code buf[off..off+available)}.
     *
     * @return false if the bytes are not a self-consistent IPv4 or IPv6 packet within {@code available}
     */
    public boolean read(byte[] buf, int off, int available) {
        this.buf = buf;
        sourcePort = -1;
        destinationPort = -1;
        if (available < 1) {
            return false;
        }
        version = (buf[off] & 0xFF) >>> 4;
        if (version == 4) {
            return readV4(off, available);
        }
        return version == 6 && readV6(off, available);
    }

    private boolean readV4(int off, int available) {
        if (available < 20) {
            return false;
        }
        int headerLength = (buf[off] & 0x0F) * 4;
        length = u16(off + 2);
        if (headerLength < 20 || length < headerLength || length > available) {
            return false; // RFC 791: IHL >= 5 words, total length covers the header and fits the data
        }
        protocol = buf[off + 9] & 0xFF;
        sourceOffset = off + 12;
        destinationOffset = off + 16;
        boolean laterFragment = (u16(off + 6) & 0x1FFF) != 0;
        if (!laterFragment) {
            readPorts(off + headerLength, off + length);
        }
        return true;
    }

    private boolean readV6(int off, int available) {
        if (available < 40) {
            return false;
        }
        length = 40 + u16(off + 4); // payload length 0 with a jumbo option is not supported in a tunnel
        if (length > available) {
            return false;
        }
        sourceOffset = off + 8;
        destinationOffset = off + 24;
        int end = off + length;
        int next = buf[off + 6] & 0xFF;
        int pos = off + 40;
        boolean laterFragment = false;
        // Walk hop-by-hop (0), routing (43), fragment (44) and destination options (60) headers
        // (RFC 8200 §4) so the selector sees the real upper-layer protocol.
        for (int i = 0; i < MAX_EXTENSION_HEADERS && isExtension(next); i++) {
            if (pos + 8 > end) {
                return false;
            }
            int headerLength = next == 44 ? 8 : ((buf[pos + 1] & 0xFF) + 1) * 8;
            if (next == 44) {
                laterFragment = (u16(pos + 2) >>> 3) != 0;
            }
            next = buf[pos] & 0xFF;
            pos += headerLength;
            if (pos > end) {
                return false;
            }
        }
        protocol = next;
        if (!laterFragment) {
            readPorts(pos, end);
        }
        return true;
    }

    private static boolean isExtension(int next) {
        return next == 0 || next == 43 || next == 44 || next == 60;
    }

    private void readPorts(int transport, int end) {
        if ((protocol == TCP || protocol == UDP) && transport + 4 <= end) {
            sourcePort = u16(transport);
            destinationPort = u16(transport + 2);
        }
    }

    private int u16(int at) {
        return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
    }

    /** 4 or 6. */
    public int version() {
        return version;
    }

    /** Total length of the inner packet by its own header (any TFC padding after it excluded). */
    public int length() {
        return length;
    }

    /** Upper-layer protocol (after IPv6 extension headers). */
    public int protocol() {
        return protocol;
    }

    public int addressBytes() {
        return version == 4 ? 4 : 16;
    }

    byte[] buffer() {
        return buf;
    }

    int sourceOffset() {
        return sourceOffset;
    }

    int destinationOffset() {
        return destinationOffset;
    }

    /** TCP/UDP source port, or -1 if none (other protocol, later fragment, truncated header). */
    public int sourcePort() {
        return sourcePort;
    }

    public int destinationPort() {
        return destinationPort;
    }
}
