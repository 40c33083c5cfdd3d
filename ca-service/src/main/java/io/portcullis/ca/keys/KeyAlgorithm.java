package io.portcullis.ca.keys;

import io.portcullis.ca.error.PortcullisException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Locale;
import java.util.Map;

/**
 * The key types Portcullis generates for its own CAs. Peers' keys are judged separately by
 * {@code io.portcullis.ca.issuance.KeyPolicy}; this enum only names what we create.
 */
public enum KeyAlgorithm {
    EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA"),
    EC_P384("EC", new ECGenParameterSpec("secp384r1"), "SHA384withECDSA"),
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    RSA_3072("RSA", new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    RSA_4096("RSA", new RSAKeyGenParameterSpec(4096, RSAKeyGenParameterSpec.F4), "SHA256withRSA");

    /** Every spelling an operator is likely to type in configuration, already lower-cased. */
    private static final Map<String, KeyAlgorithm> ALIASES = Map.ofEntries(
            Map.entry("ec-p256", EC_P256), Map.entry("p-256", EC_P256), Map.entry("p256", EC_P256),
            Map.entry("ecdsa-p256", EC_P256), Map.entry("secp256r1", EC_P256), Map.entry("prime256v1", EC_P256),
            Map.entry("ec-p384", EC_P384), Map.entry("p-384", EC_P384), Map.entry("p384", EC_P384),
            Map.entry("ecdsa-p384", EC_P384), Map.entry("secp384r1", EC_P384),
            Map.entry("rsa-2048", RSA_2048), Map.entry("rsa2048", RSA_2048),
            Map.entry("rsa-3072", RSA_3072), Map.entry("rsa3072", RSA_3072),
            Map.entry("rsa-4096", RSA_4096), Map.entry("rsa4096", RSA_4096));

    private final String jcaName;
    private final AlgorithmParameterSpec spec;
    private final String signatureAlgorithm;

    KeyAlgorithm(String jcaName, AlgorithmParameterSpec spec, String signatureAlgorithm) {
        this.jcaName = jcaName;
        this.spec = spec;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /**
     * Parses a configuration value such as {@code ec-p256}, {@code P-384}, {@code ecdsa-p256},
     * {@code rsa-3072} or the enum name itself, ignoring case and surrounding blanks.
     */
    public static KeyAlgorithm parse(String s) {
        if (s == null || s.isBlank()) {
            throw PortcullisException.badRequest("unsupported-key-algorithm", "no key algorithm given");
        }
        String normalized = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        KeyAlgorithm found = ALIASES.get(normalized);
        if (found == null) {
            throw PortcullisException.badRequest("unsupported-key-algorithm",
                    "unsupported key algorithm '" + s.trim() + "'; use one of ec-p256, ec-p384, rsa-2048, rsa-3072, rsa-4096");
        }
        return found;
    }

    public KeyPair generate(SecureRandom r) {
        try {
            // The JDK providers (SunEC, SunRsaSign) are used for generation: speed does not matter
            // here and their keys are accepted by every signer we use.
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
            generator.initialize(spec, r);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw PortcullisException.internal("key-generation-failed",
                    "could not generate a " + name() + " key pair: " + e.getMessage(), e);
        }
    }

    /** The JCA signature algorithm a CA holding this key signs with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public boolean isEc() {
        return "EC".equals(jcaName);
    }
}
