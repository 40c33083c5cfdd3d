package io.portcullis.ike.isakmp;

import java.util.Objects;

/**
 * The IKEv1 fragment payload (type 132, the Cisco scheme strongSwan implements): a piece of a
 * complete encoded ISAKMP message (header included). Fragment numbers start at 1; the
 * fragment with the LAST flag tells how many there are.
 *
 * @param fragmentId the same for all fragments of one message
 * @param flags kept whole so that unknown flag bits re-encode unchanged
 */
public record FragmentPayload(int fragmentId, int number, int flags, Bytes data) implements PayloadBody {

    public static final int FLAG_LAST = 0x01;
    static final int FIXED_BODY = 4;

    public FragmentPayload {
        ValueNames.checkRange(fragmentId, 0xFFFF, "fragment id");
        if (number < 1 || number > 0xFF) {
            throw new IllegalArgumentException("fragment number out of range 1..255: " + number);
        }
        ValueNames.checkRange(flags, 0xFF, "fragment flags");
        Objects.requireNonNull(data, "data");
    }

    public static FragmentPayload of(int fragmentId, int number, boolean last, Bytes data) {
        return new FragmentPayload(fragmentId, number, last ? FLAG_LAST : 0, data);
    }

    public boolean isLast() {
        return (flags & FLAG_LAST) != 0;
    }

    @Override
    public PayloadType type() {
        return PayloadType.FRAGMENT;
    }

    @Override
    public Bytes encodeBody() {
        WireWriter out = new WireWriter();
        out.u16(fragmentId);
        out.u8(number);
        out.u8(flags);
        out.bytes(data);
        return Bytes.of(out.toByteArray());
    }

    static FragmentPayload decode(WireReader body) throws IsakmpDecodeException {
        int fragmentId = body.u16();
        int number = body.u8();
        if (number == 0) {
            throw body.fail(DecodeFailure.MALFORMED_BODY, "fragment number 0 (numbering starts at 1)");
        }
        int flags = body.u8();
        return new FragmentPayload(fragmentId, number, flags, body.rest());
    }
}
