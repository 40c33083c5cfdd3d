package io.portcullis.ca.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenKeyTest {

    @Test
    void acceptsStandardAndUrlSafeBase64OfAtLeast32Bytes() {
        byte[] raw = new byte[32];
        raw[0] = (byte) 0xfb;
        raw[1] = (byte) 0xff;
        assertThat(TokenKey.keyFrom(Base64.getEncoder().encodeToString(raw)).getEncoded()).isEqualTo(raw);
        assertThat(TokenKey.keyFrom(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)).getEncoded()).isEqualTo(raw);
    }

    @Test
    void refusesAShortOrMalformedConfiguredSecret() {
        assertThatThrownBy(() -> TokenKey.keyFrom(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("token-secret-too-short"));
        assertThatThrownBy(() -> TokenKey.keyFrom("not base64 at all!"))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("token-secret-invalid"));
    }
}
