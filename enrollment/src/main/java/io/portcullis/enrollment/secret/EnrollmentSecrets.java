package io.portcullis.enrollment.secret;

import io.portcullis.ca.config.DataDirectory;
import io.portcullis.ca.config.SecretFile;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.enrollment.EnrollmentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time enrollment secrets: 256 random bits, shown once, stored only as HMAC-SHA256 under a
 * server-side key ({@code portcullis.enrollment.secret-key} or {@code <data-dir>/enrollment-secret.key}).
 * A keyed fast hash is enough for secrets this strong: nobody can guess them, and a stolen
 * database alone does not let anyone test candidates. Comparison is constant-time.
 */
@ApplicationScoped
public class EnrollmentSecrets {

    static final String KEY_FILE = "enrollment-secret.key";
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random;
    private final byte[] key;

    public EnrollmentSecrets(EnrollmentConfig config, DataDirectory dataDirectory, SecureRandom random) {
        this.random = random;
        String encoded = config.secretKey().orElseGet(() -> new SecretFile(dataDirectory.resolve(KEY_FILE)).readOrCreate(random));
        this.key = decodeKey(encoded);
    }

    /** A new secret: base64url, 43 characters, safe in URLs, JSON and SCEP challengePassword (PrintableString excepted: see {@link #isPrintable}). */
    public String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw PortcullisException.internal("hmac-unavailable", "HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** Constant-time: the time taken does not depend on where a wrong secret differs. */
    public boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            // Still spend the same work, so a missing secret is not faster than a wrong one.
            hash(presented == null ? "" : presented);
            return false;
        }
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] decodeKey(String encoded) {
        byte[] bytes;
        try {
            String trimmed = encoded.strip();
            bytes = trimmed.contains("-") || trimmed.contains("_") ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw PortcullisException.internal("enrollment-secret-key-invalid", "portcullis.enrollment.secret-key is not base64", e);
        }
        if (bytes.length < 32) {
            throw PortcullisException.internal("enrollment-secret-key-invalid",
                    "portcullis.enrollment.secret-key must be at least 32 bytes; it has " + bytes.length, null);
        }
        return bytes;
    }
}
