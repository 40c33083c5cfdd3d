package io.portcullis.ca.profile;

import io.portcullis.ca.error.PortcullisException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * The address space a peer may put in a tunnel, as the RFC 3779 IP address delegation extension
 * ({@code id-pe-ipAddrBlocks}, 1.3.6.1.5.5.7.1.7) that strongSwan's addrblock plugin reads.
 * Built from CIDR text and kept in the canonical form RFC 3779 §2.2.3.6 requires: one family per
 * address family (IPv4 before IPv6), addresses sorted, overlapping and adjacent blocks merged, and
 * every block that is a prefix encoded as a prefix (others as ranges).
 */
public final class IpAddressBlocks {

    /** id-pe-ipAddrBlocks. */
    public static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.7");
    public static final int MAX_BLOCKS = 64;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** One merged block, inclusive bounds; {@code width} is 32 or 128. */
    public record Block(int width, BigInteger first, BigInteger last) {

        boolean isPrefix() {
            BigInteger size = last.subtract(first).add(BigInteger.ONE);
            return size.bitCount() == 1 && first.mod(size).signum() == 0;
        }

        int prefixLength() {
            return width - (last.subtract(first).add(BigInteger.ONE).bitLength() - 1);
        }

        /** {@code 10.0.0.0/24}, or {@code 10.0.0.0-10.0.1.127} when the block is not a prefix. */
        public String text() {
            return isPrefix() ? address(first) + "/" + prefixLength() : address(first) + "-" + address(last);
        }

        private String address(BigInteger value) {
            byte[] raw = value.toByteArray();
            byte[] bytes = new byte[width / 8];
            int copy = Math.min(raw.length, bytes.length);
            System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a " + bytes.length + "-byte address is always valid", e);
            }
        }
    }

    private final List<Block> blocks;

    private IpAddressBlocks(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses CIDR blocks ({@code 198.51.100.0/24}, {@code 2001:db8::/32}, or a single address).
     * Refuses with {@code invalid-subnet} anything that is not an address literal, a prefix length
     * out of range, or host bits set below the prefix (usually a typo: say what was meant).
     */
    public static IpAddressBlocks parse(List<String> cidrs) {
        if (cidrs == null || cidrs.isEmpty()) {
            throw invalid("at least one subnet is required");
        }
        if (cidrs.size() > MAX_BLOCKS) {
            throw invalid(cidrs.size() + " subnets given; at most " + MAX_BLOCKS);
        }
        List<Block> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            parsed.add(parseOne(cidr));
        }
        parsed.sort(Comparator.comparingInt(Block::width).thenComparing(Block::first));
        List<Block> merged = new ArrayList<>();
        for (Block block : parsed) {
            Block previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && previous.width() == block.width()
                    && block.first().compareTo(previous.last().add(BigInteger.ONE)) <= 0) {
                merged.set(merged.size() - 1, new Block(block.width(), previous.first(), previous.last().max(block.last())));
            } else {
                merged.add(block);
            }
        }
        return new IpAddressBlocks(merged);
    }

    private static Block parseOne(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw invalid("an empty subnet was given");
        }
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !IPV6.matcher(address).matches()) {
            throw invalid("'" + cidr + "' is not an IPv4 or IPv6 CIDR block such as 198.51.100.0/24 or 2001:db8::/32");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup happens
        } catch (UnknownHostException | RuntimeException e) {
            throw invalid("'" + cidr + "' is not a valid IP address");
        }
        if (v4 != (bytes.length == 4)) {
            throw invalid("'" + cidr + "' mixes IPv4 and IPv6 notation");
        }
        int width = bytes.length * 8;
        int length;
        try {
            length = slash < 0 ? width : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw invalid("'" + cidr + "' has no valid prefix length");
        }
        if (length < 0 || length > width) {
            throw invalid("'" + cidr + "' has prefix length " + length + "; it must be 0 to " + width);
        }
        BigInteger first = new BigInteger(1, bytes);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE);
        if (first.and(hostMask).signum() != 0) {
            Block meant = new Block(width, first.andNot(hostMask), first.andNot(hostMask).or(hostMask));
            throw invalid("'" + cidr + "' has host bits set below the prefix; did you mean " + meant.text() + "?");
        }
        return new Block(width, first, first.or(hostMask));
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** The canonical text of each merged block, in extension order. */
    public List<String> texts() {
        return blocks.stream().map(Block::text).toList();
    }

    /** The DER value of the extension: IPAddrBlocks ::= SEQUENCE OF IPAddressFamily. */
    public DERSequence toExtensionValue() {
        ASN1EncodableVector families = new ASN1EncodableVector();
        for (int width : new int[] { 32, 128 }) {
            ASN1EncodableVector entries = new ASN1EncodableVector();
            for (Block block : blocks) {
                if (block.width() != width) {
                    continue;
                }
                if (block.isPrefix()) {
                    entries.add(bits(block.first(), width, block.prefixLength()));
                } else {
                    // IPAddressRange: min without its trailing zero bits, max without its trailing one bits.
                    int minBits = block.first().signum() == 0 ? 0 : width - block.first().getLowestSetBit();
                    int maxBits = width - trailingOnes(block.last());
                    entries.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                            bits(block.first(), width, minBits), bits(block.last(), width, maxBits) }));
                }
            }
            if (entries.size() > 0) {
                byte[] afi = { 0, (byte) (width == 32 ? 1 : 2) };
                families.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                        new DEROctetString(afi), new DERSequence(entries) }));
            }
        }
        return new DERSequence(families);
    }

    private static int trailingOnes(BigInteger value) {
        return value.not().getLowestSetBit();
    }

    /** The first {@code length} bits of a {@code width}-bit address as a BIT STRING. */
    private static DERBitString bits(BigInteger address, int width, int length) {
        int bytes = (length + 7) / 8;
        BigInteger top = address.shiftRight(width - length);            // the significant bits
        BigInteger aligned = top.shiftLeft(bytes * 8 - length);         // left-aligned in whole bytes
        byte[] raw = aligned.toByteArray();
        byte[] data = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, data, bytes - copy, copy);
        return new DERBitString(data, bytes * 8 - length);
    }

    private static PortcullisException invalid(String detail) {
        return PortcullisException.badRequest("invalid-subnet", detail);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddressBlocks o && o.blocks.equals(blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }

    @Override
    public String toString() {
        return String.join(" ", texts());
    }
}
