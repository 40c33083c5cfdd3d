package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.Bytes;

/** An ISAKMP SA is named by its cookie pair (RFC 2408 §2.5.3). */
public record IkeSaId(long initiatorCookie, long responderCookie) {

    /** The 16-byte "SPI" of an ISAKMP SA in Notification and Delete payloads (RFC 2408 §3.14, §3.15). */
    public Bytes asSpi() {
        byte[] spi = new byte[16];
        for (int i = 0; i < 8; i++) {
            spi[i] = (byte) (initiatorCookie >>> (56 - 8 * i));
            spi[8 + i] = (byte) (responderCookie >>> (56 - 8 * i));
        }
        return Bytes.of(spi);
    }

    @Override
    public String toString() {
        return String.format("%016x_i %016x_r", initiatorCookie, responderCookie);
    }
}
