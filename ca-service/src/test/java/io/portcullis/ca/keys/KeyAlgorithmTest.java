package io.portcullis.ca.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyAlgorithmTest {

    @ParameterizedTest
    @CsvSource({
        "ec-p256,EC_P256", "P-256,EC_P256", "ECDSA-P256,EC_P256", " prime256v1 ,EC_P256", "EC_P256,EC_P256",
        "ec-p384,EC_P384", "p-384,EC_P384", "secp384r1,EC_P384",
        "rsa-2048,RSA_2048", "RSA-3072,RSA_3072", "rsa_4096,RSA_4096"})
    void parseAcceptsCommonSpellingsIgnoringCase(String input, KeyAlgorithm expected) {
        assertThat(KeyAlgorithm.parse(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "rsa-1024", "ed25519", "p-521", "dsa"})
    void parseRefusesUnknownNamesWithSlug(String input) {
        assertThatThrownBy(() -> KeyAlgorithm.parse(input))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
                    assertThat(e.type()).isEqualTo("unsupported-key-algorithm");
                });
    }

    @Test
    void parseRefusesNull() {
        assertThatThrownBy(() -> KeyAlgorithm.parse(null)).isInstanceOf(PortcullisException.class);
    }

    @Test
    void generatesKeysOfTheNamedSizeAndCurve() {
        SecureRandom random = new SecureRandom();
        KeyPair p256 = KeyAlgorithm.EC_P256.generate(random);
        KeyPair p384 = KeyAlgorithm.EC_P384.generate(random);
        KeyPair rsa = KeyAlgorithm.RSA_2048.generate(random);
        assertThat(((ECPublicKey) p256.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(((ECPublicKey) p384.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
        assertThat(((RSAPublicKey) rsa.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(((RSAPublicKey) rsa.getPublic()).getPublicExponent().intValue()).isEqualTo(65537);
    }

    @Test
    void signatureAlgorithmMatchesHashToKeyStrength() {
        assertThat(KeyAlgorithm.EC_P256.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(KeyAlgorithm.EC_P384.signatureAlgorithm()).isEqualTo("SHA384withECDSA");
        assertThat(KeyAlgorithm.RSA_3072.signatureAlgorithm()).isEqualTo("SHA256withRSA");
    }
}
