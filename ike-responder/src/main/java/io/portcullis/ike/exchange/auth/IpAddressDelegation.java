package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.esp.IpPrefix;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.ASN1BitString;

/**
 * Reads the RFC 3779 IP address delegation extension (id-pe-ipAddrBlocks, 1.3.6.1.5.5.7.1.7):
 * <pre>
 *   IPAddrBlocks     ::= SEQUENCE OF IPAddressFamily
 *   IPAddressFamily  ::= SEQUENCE { addressFamily OCTET STRING (SIZE (2..3)), ipAddressChoice IPAddressChoice }
 *   IPAddressChoice  ::= CHOICE { inherit NULL, addressesOrRanges SEQUENCE OF IPAddressOrRange }
 *   IPAddressOrRange ::= CHOICE { addressPrefix IPAddress, addressRange IPAddressRange }
 *   IPAddressRange   ::= SEQUENCE { min IPAddress, max IPAddress }
 *   IPAddress        ::= BIT STRING
 * </pre>
 * Prefixes become {@link IpPrefix}es; ranges are split into the CIDR blocks covering exactly
 * them. "inherit" yields nothing: this gateway authorises by the end-entity certificate alone.
 */
public final class IpAddressDelegation {

    public static final String OID = "1.3.6.1.5.5.7.1.7";
    /** Bounds the CIDR split of a hostile range (at most 2 * address bits blocks per range). */
    private static final int MAX_BLOCKS = 1024;

    private IpAddressDelegation() {
    }

    /** The delegated blocks; empty when the certificate has no such extension. */
    public static List<IpPrefix> of(X509Certificate certificate) throws MalformedExtensionException {
        byte[] wrapped = certificate.getExtensionValue(OID);
        return wrapped == null ? List.of() : parseExtensionValue(wrapped);
    }

    /** Parses the DER OCTET STRING that {@link X509Certificate#getExtensionValue} returns. */
    public static List<IpPrefix> parseExtensionValue(byte[] wrapped) throws MalformedExtensionException {
        try {
            byte[] inner = ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(wrapped)).getOctets();
            return parseBlocks(ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(inner)));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new MalformedExtensionException("IPAddrBlocks is not valid DER: " + e.getMessage(), e);
        }
    }

    private static List<IpPrefix> parseBlocks(ASN1Sequence families) throws MalformedExtensionException {
        List<IpPrefix> blocks = new ArrayList<>();
        for (ASN1Encodable element : families) {
            ASN1Sequence family = ASN1Sequence.getInstance(element);
            if (family.size() != 2) {
                throw new MalformedExtensionException("IPAddressFamily must have two elements", null);
            }
            byte[] afi = ASN1OctetString.getInstance(family.getObjectAt(0)).getOctets();
            if (afi.length < 2 || afi.length > 3) {
                throw new MalformedExtensionException("addressFamily of " + afi.length + " bytes", null);
            }
            int addressBytes = switch (((afi[0] & 0xFF) << 8) | (afi[1] & 0xFF)) {
                case 1 -> 4;
                case 2 -> 16;
                default -> -1;
            };
            ASN1Encodable choice = family.getObjectAt(1);
            if (addressBytes < 0 || choice instanceof ASN1Null) {
                continue; // another AFI, or "inherit": nothing this certificate grants by itself
            }
            for (ASN1Encodable entry : ASN1Sequence.getInstance(choice)) {
                addEntry(entry, addressBytes, blocks);
                if (blocks.size() > MAX_BLOCKS) {
                    throw new MalformedExtensionException("more than " + MAX_BLOCKS + " address blocks", null);
                }
            }
        }
        return List.copyOf(blocks);
    }

    private static void addEntry(ASN1Encodable entry, int addressBytes, List<IpPrefix> out)
            throws MalformedExtensionException {
        if (entry instanceof ASN1BitString prefix) {
            out.add(IpPrefix.of(address(bits(prefix, addressBytes, false)), prefixLength(prefix, addressBytes)));
            return;
        }
        ASN1Sequence range = ASN1Sequence.getInstance(entry);
        if (range.size() != 2) {
            throw new MalformedExtensionException("IPAddressRange must have two elements", null);
        }
        BigInteger min = new BigInteger(1, bits(DERBitString.getInstance(range.getObjectAt(0)), addressBytes, false));
        BigInteger max = new BigInteger(1, bits(DERBitString.getInstance(range.getObjectAt(1)), addressBytes, true));
        if (min.compareTo(max) > 0) {
            throw new MalformedExtensionException("range minimum above maximum", null);
        }
        splitRange(min, max, addressBytes, out);
    }

    /** RFC 3779 §2.1.2: min is padded with zero bits, max with one bits, to the full address. */
    private static byte[] bits(ASN1BitString value, int addressBytes, boolean fillOnes) throws MalformedExtensionException {
        byte[] octets = value.getBytes();
        int padBits = value.getPadBits();
        if (octets.length > addressBytes) {
            throw new MalformedExtensionException("address longer than " + addressBytes + " bytes", null);
        }
        byte[] full = new byte[addressBytes];
        System.arraycopy(octets, 0, full, 0, octets.length);
        if (fillOnes) {
            int usedBits = octets.length * 8 - padBits;
            for (int bit = usedBits; bit < addressBytes * 8; bit++) {
                full[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
        return full;
    }

    private static int prefixLength(ASN1BitString value, int addressBytes) throws MalformedExtensionException {
        int length = value.getBytes().length * 8 - value.getPadBits();
        if (length < 0 || length > addressBytes * 8) {
            throw new MalformedExtensionException("prefix length " + length, null);
        }
        return length;
    }

    /** The largest aligned block starting at {@code min} that stays within {@code max}, repeatedly. */
    private static void splitRange(BigInteger min, BigInteger max, int addressBytes, List<IpPrefix> out)
            throws MalformedExtensionException {
        int bits = addressBytes * 8;
        BigInteger next = min;
        while (next.compareTo(max) <= 0) {
            int size = next.signum() == 0 ? bits : next.getLowestSetBit();
            while (size > 0 && next.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(max) > 0) {
                size--;
            }
            out.add(IpPrefix.of(address(toBytes(next, addressBytes)), bits - size));
            if (out.size() > MAX_BLOCKS) {
                throw new MalformedExtensionException("range splits into too many blocks", null);
            }
            next = next.add(BigInteger.ONE.shiftLeft(size));
        }
    }

    private static byte[] toBytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw); // raw bytes: never a name lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + raw.length + " bytes", e);
        }
    }

    /** The extension is present but cannot be read: the certificate is unusable. */
    public static final class MalformedExtensionException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedExtensionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
