package io.portcullis.ike.crypto;

import java.util.HexFormat;

/** Test helpers for hex test vectors as printed in RFCs (whitespace ignored). */
public final class TestBytes {

    private TestBytes() {
    }

    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    public static String toHex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
