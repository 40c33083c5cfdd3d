package io.portcullis.ca.authority;

import io.portcullis.ca.config.DataDirectory;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.config.SecretFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * The password that encrypts the CA key stores: {@code PORTCULLIS_KEYSTORE_PASSWORD} when set,
 * else generated once into {@code <data-dir>/keystore-password} (0600). Losing it loses the CA
 * keys, which is why the README tells operators to back it up apart from the database.
 */
@ApplicationScoped
public class KeystorePassword {

    static final String FILE_NAME = "keystore-password";

    private final PortcullisConfig config;
    private final DataDirectory dataDirectory;
    private final SecureRandom random;

    public KeystorePassword(PortcullisConfig config, DataDirectory dataDirectory, SecureRandom random) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.random = random;
    }

    /** A fresh copy each call, so callers may wipe it after use. */
    public char[] get() {
        return config.keystorePassword()
                .orElseGet(() -> new SecretFile(dataDirectory.resolve(FILE_NAME)).readOrCreate(random))
                .toCharArray();
    }
}
