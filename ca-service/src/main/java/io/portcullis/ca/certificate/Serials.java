package io.portcullis.ca.certificate;

import io.portcullis.ca.error.PortcullisException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** The one textual form of serial numbers: lower-case hex, no leading zeros, no separators. */
public final class Serials {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F:]{1,80}");

    private Serials() {
    }

    public static String toHex(BigInteger serial) {
        return serial.toString(16);
    }

    /** Accepts what people paste: upper or lower case, with or without colons (openssl's form). */
    public static BigInteger parse(String text) {
        if (text == null || !HEX.matcher(text).matches()) {
            throw PortcullisException.badRequest("invalid-serial", "serial must be hexadecimal (at most 40 digits)");
        }
        String digits = text.replace(":", "");
        if (digits.isEmpty() || digits.length() > 40) {
            throw PortcullisException.badRequest("invalid-serial", "serial must be hexadecimal (at most 40 digits)");
        }
        return new BigInteger(digits, 16);
    }
}
