package io.portcullis.ca.issuance;

import io.portcullis.ca.error.PortcullisException;
import java.util.Base64;

/**
 * Turns the text a client sent into DER bytes: one PEM {@code CERTIFICATE REQUEST} /
 * {@code NEW CERTIFICATE REQUEST} block (explanatory text around it is ignored, as RFC 7468
 * section 5.2 asks) or bare base64 / base64url. Every failure is {@code malformed-csr} with a
 * detail that says which rule was broken.
 */
final class CsrTextDecoder {

    static final int MAX_CHARS = 64 * 1024;
    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private CsrTextDecoder() {
    }

    static byte[] decode(String text) {
        if (text == null || text.isBlank()) {
            throw malformed("the CSR is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw malformed("the CSR is " + text.length() + " characters long; the limit is " + MAX_CHARS + " (64 KiB)");
        }
        byte[] der = text.contains(BEGIN) ? base64(pemBody(text), "PEM body") : base64(text, "input");
        if (der.length == 0) {
            throw malformed("the CSR is empty after base64 decoding");
        }
        return der;
    }

    private static String pemBody(String text) {
        int begin = text.indexOf(BEGIN);
        int labelStart = begin + BEGIN.length();
        int labelEnd = text.indexOf(DASHES, labelStart);
        int lineEnd = lineEnd(text, labelStart);
        if (labelEnd < 0 || labelEnd > lineEnd) {
            throw malformed("the PEM BEGIN line is not terminated by '-----'");
        }
        String label = text.substring(labelStart, labelEnd);
        if (!label.equals("CERTIFICATE REQUEST") && !label.equals("NEW CERTIFICATE REQUEST")) {
            throw malformed("the PEM block is '" + printable(label) + "', expected 'CERTIFICATE REQUEST'");
        }
        String endLine = DASHES + "END " + label + DASHES;
        int bodyStart = labelEnd + DASHES.length();
        int end = text.indexOf(endLine, bodyStart);
        if (end < 0) {
            throw malformed("the PEM block has no '" + endLine + "' line (truncated?)");
        }
        if (text.indexOf(BEGIN, end) >= 0 || text.substring(bodyStart, end).contains(BEGIN)) {
            throw malformed("more than one PEM block; send exactly one CERTIFICATE REQUEST");
        }
        return text.substring(bodyStart, end);
    }

    private static byte[] base64(String encoded, String where) {
        StringBuilder compact = new StringBuilder(encoded.length());
        boolean urlAlphabet = false;
        boolean standardAlphabet = false;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            urlAlphabet |= c == '-' || c == '_';
            standardAlphabet |= c == '+' || c == '/';
            if (!alnum && c != '+' && c != '/' && c != '-' && c != '_' && c != '=') {
                throw malformed("the " + where + " is neither PEM nor base64: unexpected character " + describe(c) + " at offset " + i);
            }
            compact.append(c);
        }
        if (urlAlphabet && standardAlphabet) {
            throw malformed("invalid base64 in the " + where + ": it mixes the base64 and base64url alphabets");
        }
        try {
            return (urlAlphabet ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw PortcullisException.badRequest("malformed-csr", "invalid base64 in the " + where + ": " + e.getMessage(), e);
        }
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static PortcullisException malformed(String detail) {
        return PortcullisException.badRequest("malformed-csr", detail);
    }
}
