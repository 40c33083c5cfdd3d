package io.portcullis.ike.esp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/** An IPv4 or IPv6 address block (CIDR), matched against addresses inside packet buffers without copying. */
public final class IpPrefix {
    private final byte[] network;
    private final int length;

    private IpPrefix(byte[] address, int length) {
        if (length < 0 || length > address.length * 8) {
            throw new IllegalArgumentException("prefix length " + length + " out of range");
        }
        this.network = address.clone();
        this.length = length;
        for (int bit = length; bit < network.length * 8; bit++) {
            network[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7)); // host bits are irrelevant; store them as 0
        }
    }

    public static IpPrefix of(InetAddress address, int length) {
        return new IpPrefix(address.getAddress(), length);
    }

    /** A single host (/32 or /128). */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address.getAddress(), address.getAddress().length * 8);
    }

    /**
     * Parses a literal "192.0.2.0/24", "2001:db8::/32" or a bare address (host prefix). Only literals are
     * accepted, so no name is ever resolved.
     */
    public static IpPrefix parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] address = host.indexOf(':') >= 0 ? parseV6(host) : parseV4(host);
        int length = address.length * 8;
        if (slash >= 0) {
            String digits = cidr.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
            length = Integer.parseInt(digits);
        }
        return new IpPrefix(address, length);
    }

    private static byte[] parseV4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 literal: " + host);
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 literal: " + host);
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException("not an IPv4 literal: " + host);
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String host) {
        try {
            // A string with ':' is only ever parsed as an IPv6 literal by InetAddress, never looked up.
            byte[] a = InetAddress.getByName(host).getAddress();
            if (a.length != 16) {
                throw new IllegalArgumentException("not an IPv6 literal: " + host);
            }
            return a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 literal: " + host, e);
        }
    }

    /** 4 or 16. */
    public int addressBytes() {
        return network.length;
    }

    public int length() {
        return length;
    }

    /** The network address (host bits zero), a fresh copy. */
    public byte[] networkAddress() {
        return network.clone();
    }

    /** Whether every address of {@code other} lies inside this prefix (same family, not wider). */
    public boolean contains(IpPrefix other) {
        return other.network.length == network.length && other.length >= length
                && contains(other.network, 0, other.network.length);
    }

    /** Whether the address of {@code addressBytes} octets at {@code buf[off..)} lies inside this prefix. */
    public boolean contains(byte[] buf, int off, int addressBytes) {
        if (addressBytes != network.length) {
            return false; // IPv4 never matches an IPv6 prefix and vice versa
        }
        int full = length >>> 3;
        for (int i = 0; i < full; i++) {
            if (buf[off + i] != network[i]) {
                return false;
            }
        }
        int rest = length & 7;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF00 >>> rest) & 0xFF;
        return (buf[off + full] & mask) == (network[full] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && p.length == length && Arrays.equals(p.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + length;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + length;
        } catch (UnknownHostException impossible) {
            // getByAddress only fails for lengths other than 4 and 16, which the constructor rules out.
            return Arrays.toString(network) + "/" + length;
        }
    }
}
