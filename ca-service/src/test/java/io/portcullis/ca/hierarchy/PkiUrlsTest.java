package io.portcullis.ca.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkiUrlsTest {

    @Test
    void urlsHangOffThePublicBaseWithoutADoubleSlash() {
        PkiUrls urls = PkiUrls.forPublicBase("https://ca.example.org:8443/portcullis/");

        assertThat(urls.crlUrl()).isEqualTo("https://ca.example.org:8443/portcullis/pki/issuing-ca.crl");
        assertThat(urls.ocspUrl()).isEqualTo("https://ca.example.org:8443/portcullis/ocsp");
        assertThat(urls.caIssuersUrl()).isEqualTo("https://ca.example.org:8443/portcullis/pki/issuing-ca.crt");
        assertThat(urls.rootCrlUrl()).isEqualTo("https://ca.example.org:8443/portcullis/pki/root-ca.crl");
        assertThat(urls.deltaCrlUrl()).isEqualTo("https://ca.example.org:8443/portcullis/pki/issuing-ca-delta.crl");
        assertThat(urls.rootDeltaCrlUrl()).isEqualTo("https://ca.example.org:8443/portcullis/pki/root-ca-delta.crl");
        assertThat(urls.rootCaIssuersUrl()).isEqualTo("https://ca.example.org:8443/portcullis/pki/root-ca.crt");
    }

    @Test
    void plainHttpIsAcceptedBecauseCrlAndOcspAreSignedData() {
        assertThat(PkiUrls.forPublicBase("http://10.0.0.1").ocspUrl()).isEqualTo("http://10.0.0.1/ocsp");
    }

    @Test
    void aSeparateOcspUrlReplacesOnlyTheOcspPointer() {
        PkiUrls urls = PkiUrls.forPublicBase("https://ca.example.org", Optional.of(" http://ocsp.example.org:2560/ocsp/ "));

        assertThat(urls.ocspUrl()).isEqualTo("http://ocsp.example.org:2560/ocsp");
        assertThat(urls.crlUrl()).isEqualTo("https://ca.example.org/pki/issuing-ca.crl");
        assertThat(urls.caIssuersUrl()).isEqualTo("https://ca.example.org/pki/issuing-ca.crt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ocsp.example.org:2560", "ldap://ocsp.example.org", "http://u@ocsp.example.org", "http://ocsp.example.org/?x"})
    void aBadOcspUrlIsRefusedAndNamed(String ocsp) {
        assertThatThrownBy(() -> PkiUrls.forPublicBase("https://ca.example.org", Optional.of(ocsp)))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-public-url");
                    assertThat(e.getMessage()).startsWith("OCSP URL");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ca.example.org", "/relative", "ftp://ca.example.org", "https://", "https://user:pw@ca.example.org",
        "https://ca.example.org/?q=1", "https://ca.example.org/#x", "https://ca example.org"})
    void nonAbsoluteHttpUrlsAreRefused(String base) {
        assertThatThrownBy(() -> PkiUrls.forPublicBase(base))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
                    assertThat(e.type()).isEqualTo("invalid-public-url");
                });
    }
}
