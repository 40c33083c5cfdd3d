package io.portcullis.revocation.crl;

/**
 * DER INTEGER contents of a serial held as lower-case hex without leading zeros (the store's
 * form, see {@code Serials}): big-endian bytes with a 0x00 in front when the top bit is set, so
 * the value stays positive. Done on the string directly to avoid a BigInteger per CRL entry.
 */
final class SerialDer {

    private SerialDer() {
    }

    static int contentLength(String hex) {
        int digits = hex.length();
        if (digits == 0 || digits > 40) {
            throw new IllegalArgumentException("serial must have 1 to 40 hex digits: '" + hex + "'");
        }
        int bytes = (digits + 1) / 2;
        return topBitSet(hex) ? bytes + 1 : bytes;
    }

    static void writeContent(String hex, int contentLength, DerBuffer out) {
        int digits = hex.length();
        int bytes = (digits + 1) / 2;
        if (contentLength > bytes) {
            out.write(0);
        }
        int i = 0;
        if (digits % 2 == 1) {
            out.write(nibble(hex.charAt(0)));
            i = 1;
        }
        for (; i < digits; i += 2) {
            out.write(nibble(hex.charAt(i)) << 4 | nibble(hex.charAt(i + 1)));
        }
    }

    private static boolean topBitSet(String hex) {
        // With an odd digit count the first byte is a single nibble, so its top bit is clear.
        return hex.length() % 2 == 0 && nibble(hex.charAt(0)) >= 8;
    }

    private static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("serial is not lower-case hex: '" + c + "'");
    }
}
