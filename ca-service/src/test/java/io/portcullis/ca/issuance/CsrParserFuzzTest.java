package io.portcullis.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the CSR parser (Jazzer): binary DER as SCEP carries it, and text
 * (PEM, bare base64 or base64url) as the REST API carries it. Seeds are CSRs made by
 * {@code openssl req} (RSA, RSA-PSS, P-256, P-384, with and without SANs). The only exception any
 * input may cause is a {@link PortcullisException} of kind BAD_REQUEST (answered 400).
 */
class CsrParserFuzzTest {

    private final CsrParser parser = new CsrParser();

    @FuzzTest(maxDuration = "5s")
    void der(byte[] der) {
        try {
            CsrDetails details = parser.parseDer(der);
            assertThat(details.subject()).isNotNull();
        } catch (PortcullisException e) {
            assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        }
    }

    @FuzzTest(maxDuration = "5s")
    void text(byte[] utf8) {
        try {
            CsrDetails details = parser.parse(new String(utf8, StandardCharsets.UTF_8));
            assertThat(details.subject()).isNotNull();
        } catch (PortcullisException e) {
            assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        }
    }
}
