package io.portcullis.ui.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random session and CSRF tokens, their hashes, and the constant-time comparison. */
public final class Tokens {

    private Tokens() {
    }

    /** 256 random bits, URL-safe base64 without padding (43 characters). */
    public static String random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Compares a presented token with the expected one in time independent of where they differ
     * ({@link MessageDigest#isEqual}); a missing or empty token never matches.
     */
    public static boolean matches(String presented, String expected) {
        if (presented == null || expected == null || presented.isEmpty() || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
