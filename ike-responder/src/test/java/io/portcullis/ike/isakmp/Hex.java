package io.portcullis.ike.isakmp;

import java.util.HexFormat;

/** Hex vectors written by hand, one field per line, with "#" comments naming each field. */
final class Hex {

    private Hex() {
    }

    static byte[] parse(String annotated) {
        StringBuilder digits = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int comment = line.indexOf('#');
            digits.append((comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(digits);
    }
}
