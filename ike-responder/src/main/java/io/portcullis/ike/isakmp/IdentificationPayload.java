package io.portcullis.ike.isakmp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An Identification payload in the IPsec DOI form (RFC 2407 §4.6.2). The same wire form serves
 * Phase 1 (IDii/IDir: protocol and port are 0 or UDP/500) and Quick Mode (IDci/IDcr: the
 * traffic selectors, usually subnets, with protocol and port as selector fields).
 *
 * @param protocolId IP protocol number (17 = UDP), 0 for any
 * @param port transport port, 0 for any
 * @param data identification data; for address types its length is fixed by the type
 */
public record IdentificationPayload(IdType idType, int protocolId, int port, Bytes data) implements PayloadBody {

    static final int FIXED_BODY = 4;

    public IdentificationPayload {
        Objects.requireNonNull(idType, "idType");
        ValueNames.checkRange(protocolId, 0xFF, "protocol id");
        ValueNames.checkRange(port, 0xFFFF, "port");
        Objects.requireNonNull(data, "data");
        int expected = idType.fixedDataLength();
        if (expected >= 0 && data.length() != expected) {
            throw new IllegalArgumentException(idType + " needs " + expected + " bytes, got " + data.length());
        }
    }

    public static IdentificationPayload fqdn(String name) {
        return new IdentificationPayload(IdType.FQDN, 0, 0, Bytes.of(name.getBytes(StandardCharsets.US_ASCII)));
    }

    public static IdentificationPayload userFqdn(String mailbox) {
        return new IdentificationPayload(IdType.USER_FQDN, 0, 0, Bytes.of(mailbox.getBytes(StandardCharsets.US_ASCII)));
    }

    /** IPV4_ADDR or IPV6_ADDR, by the address family. */
    public static IdentificationPayload address(InetAddress address) {
        IdType type = address.getAddress().length == 4 ? IdType.IPV4_ADDR : IdType.IPV6_ADDR;
        return new IdentificationPayload(type, 0, 0, Bytes.of(address.getAddress()));
    }

    /** IPV4_ADDR_SUBNET or IPV6_ADDR_SUBNET from a network address and prefix length. */
    public static IdentificationPayload subnet(InetAddress network, int prefixLength) {
        byte[] address = network.getAddress();
        ValueNames.checkRange(prefixLength, address.length * 8, "prefix length");
        byte[] data = new byte[address.length * 2];
        System.arraycopy(address, 0, data, 0, address.length);
        for (int bit = 0; bit < prefixLength; bit++) {
            data[address.length + bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        IdType type = address.length == 4 ? IdType.IPV4_ADDR_SUBNET : IdType.IPV6_ADDR_SUBNET;
        return new IdentificationPayload(type, 0, 0, Bytes.of(data));
    }

    /** IPV4_ADDR_RANGE or IPV6_ADDR_RANGE; both ends must be of the same family. */
    public static IdentificationPayload range(InetAddress first, InetAddress last) {
        byte[] from = first.getAddress();
        byte[] to = last.getAddress();
        if (from.length != to.length) {
            throw new IllegalArgumentException("range ends of different families");
        }
        byte[] data = new byte[from.length * 2];
        System.arraycopy(from, 0, data, 0, from.length);
        System.arraycopy(to, 0, data, from.length, to.length);
        IdType type = from.length == 4 ? IdType.IPV4_ADDR_RANGE : IdType.IPV6_ADDR_RANGE;
        return new IdentificationPayload(type, 0, 0, Bytes.of(data));
    }

    /** DER_ASN1_DN: the DER encoding of an X.500 distinguished name. */
    public static IdentificationPayload derAsn1Dn(Bytes encodedName) {
        return new IdentificationPayload(IdType.DER_ASN1_DN, 0, 0, encodedName);
    }

    public IdentificationPayload withProtocolAndPort(int protocol, int newPort) {
        return new IdentificationPayload(idType, protocol, newPort, data);
    }

    /** The first (or only) address of an address, subnet or range ID. */
    public InetAddress firstAddress() {
        int length = idType.fixedDataLength();
        if (length < 0) {
            throw new IllegalStateException(idType + " carries no address");
        }
        int addressLength = length == 4 || length == 16 ? length : length / 2;
        return toAddress(0, addressLength);
    }

    /** The second half of a subnet (the mask) or range (the last address) ID. */
    public InetAddress secondAddress() {
        int length = idType.fixedDataLength();
        if (length != 8 && length != 32) {
            throw new IllegalStateException(idType + " carries a single address or none");
        }
        return toAddress(length / 2, length / 2);
    }

    /** FQDN and USER_FQDN data as text. */
    public String text() {
        return new String(data.toByteArray(), StandardCharsets.US_ASCII);
    }

    private InetAddress toAddress(int offset, int length) {
        byte[] all = data.toByteArray();
        byte[] part = new byte[length];
        System.arraycopy(all, offset, part, 0, length);
        try {
            return InetAddress.getByAddress(part); // raw bytes: no name lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + length, e);
        }
    }

    @Override
    public PayloadType type() {
        return PayloadType.IDENTIFICATION;
    }

    @Override
    public Bytes encodeBody() {
        WireWriter out = new WireWriter();
        out.u8(idType.value());
        out.u8(protocolId);
        out.u16(port);
        out.bytes(data);
        return Bytes.of(out.toByteArray());
    }

    static IdentificationPayload decode(WireReader body) throws IsakmpDecodeException {
        IdType idType = IdType.valueOf(body.u8());
        int protocolId = body.u8();
        int port = body.u16();
        int expected = idType.fixedDataLength();
        if (expected >= 0 && body.remaining() != expected) {
            throw body.fail(DecodeFailure.INVALID_ID,
                    idType + " needs " + expected + " bytes of data, payload has " + body.remaining());
        }
        return new IdentificationPayload(idType, protocolId, port, body.rest());
    }
}
