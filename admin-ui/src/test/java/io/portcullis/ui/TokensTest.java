package io.portcullis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ui.session.SessionCookies;
import io.portcullis.ui.session.Tokens;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        SecureRandom random = new SecureRandom();
        String a = Tokens.random(random);
        String b = Tokens.random(random);
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
    }

    @Test
    void onlyTheExactTokenMatches() {
        assertThat(Tokens.matches("abc", "abc")).isTrue();
        assertThat(Tokens.matches("abd", "abc")).isFalse();
        assertThat(Tokens.matches("abc ", "abc")).isFalse();
        assertThat(Tokens.matches("", "")).isFalse();
        assertThat(Tokens.matches(null, "abc")).isFalse();
        assertThat(Tokens.matches("abc", null)).isFalse();
    }

    @Test
    void sessionIdsAreStoredAsTheirSha256() {
        assertThat(Tokens.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void cookiesAreHttpOnlyStrictAndSecureOnlyOverHttps() {
        NewCookie plain = SessionCookies.session("v", false);
        NewCookie tls = SessionCookies.session("v", true);
        assertThat(plain.isHttpOnly()).isTrue();
        assertThat(plain.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(plain.isSecure()).isFalse();
        assertThat(tls.isSecure()).isTrue();
        assertThat(tls.getPath()).isEqualTo("/ui");
        assertThat(SessionCookies.expired(SessionCookies.SESSION, true).getMaxAge()).isZero();
    }
}
