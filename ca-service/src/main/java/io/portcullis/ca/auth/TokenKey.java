package io.portcullis.ca.auth;

import io.portcullis.ca.config.DataDirectory;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.config.SecretFile;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key that signs and verifies admin API tokens (HS256). Taken from
 * {@code portcullis.auth.token-secret} when set, else generated once into
 * {@code <data-dir>/token-signing.key} (0600), so every instance sharing the data directory accepts
 * the others' tokens.
 */
@ApplicationScoped
public class TokenKey {

    static final String FILE_NAME = "token-signing.key";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKey key;

    public TokenKey(PortcullisConfig config, DataDirectory dataDirectory, SecureRandom random) {
        this.key = keyFrom(config.auth().tokenSecret()
                .orElseGet(() -> new SecretFile(dataDirectory.resolve(FILE_NAME)).readOrCreate(random)));
    }

    /** Decodes a configured or generated secret, refusing one too short for HS256. */
    static SecretKey keyFrom(String encoded) {
        byte[] bytes = decode(encoded);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new PortcullisException(ProblemKind.INTERNAL, "token-secret-too-short",
                    "portcullis.auth.token-secret must encode at least " + MIN_KEY_BYTES + " bytes (base64)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    public SecretKey secretKey() {
        return key;
    }

    private static byte[] decode(String encoded) {
        try {
            return Base64.getUrlDecoder().decode(encoded.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new PortcullisException(ProblemKind.INTERNAL, "token-secret-invalid",
                    "the API token secret is not valid base64", e);
        }
    }
}
