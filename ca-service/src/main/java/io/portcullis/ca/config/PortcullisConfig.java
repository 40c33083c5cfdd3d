package io.portcullis.ca.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code portcullis.*} setting, validated at startup. Each also reads from the environment
 * by the usual MicroProfile rule ({@code portcullis.public-url} ← {@code PORTCULLIS_PUBLIC_URL}).
 */
@ConfigMapping(prefix = "portcullis")
public interface PortcullisConfig {

    /** Where keys' passwords, the first admin password file and the H2 database live. */
    @WithDefault("./data")
    String dataDir();

    /** Base URL written into certificates' CRL distribution point and AIA extensions. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /**
     * The OCSP URL written into end-entity certificates' AIA extension, when it is not
     * {@code <public-url>/ocsp}: typically the dedicated OCSP listener
     * ({@code portcullis.ocsp.listener.port}), e.g. {@code http://ocsp.example.org:2560/ocsp}.
     */
    Optional<String> ocspUrl();

    /** Password of the first admin on first start; generated into a 0600 file when absent. */
    Optional<String> adminPassword();

    @WithDefault("admin")
    String adminUsername();

    /** Password protecting the CA key stores; generated into a 0600 file when absent. */
    Optional<String> keystorePassword();

    Ca ca();

    Auth auth();

    interface Ca {
        @WithDefault("CN=Portcullis Root CA,O=Portcullis")
        String rootSubject();

        /** ec-p384 (default), ec-p256, rsa-3072 or rsa-4096. */
        @WithDefault("ec-p384")
        String rootKeyAlgorithm();

        @WithDefault("CN=Portcullis Issuing CA,O=Portcullis")
        String issuingSubject();

        /** ec-p256 (default), ec-p384, rsa-2048, rsa-3072 or rsa-4096. */
        @WithDefault("ec-p256")
        String issuingKeyAlgorithm();

        @WithDefault("P7300D")
        Duration rootValidity();

        @WithDefault("P3650D")
        Duration issuingValidity();
    }

    interface Auth {
        /** Lifetime of the JWTs that {@code POST /api/v1/auth/login} hands out. */
        @WithDefault("PT15M")
        Duration tokenLifetime();

        /** Consecutive failed logins after which an account is locked for {@link #lockoutDuration()}. */
        @WithDefault("5")
        int maxFailedLogins();

        @WithDefault("PT15M")
        Duration lockoutDuration();

        /**
         * Failed logins from one client address, over all accounts, within
         * {@link #addressWindow()} after which that address is refused before any password check.
         */
        @WithDefault("20")
        @Min(1)
        int maxFailedLoginsPerAddress();

        @WithDefault("PT10M")
        Duration addressWindow();

        /** Base64 key (≥ 32 bytes) for signing API tokens; generated into the data directory when absent. */
        Optional<String> tokenSecret();
    }
}
