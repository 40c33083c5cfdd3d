package io.portcullis.enrollment.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.Base64;
import org.assertj.core.api.Assertions;

/**
 * Coverage-guided fuzzing of the JSON bodies of the public enrollment API (Jazzer): the Jackson
 * binding of {@link EnrollResource.EnrollBody} and {@link EnrollResource.RenewBody}, then the checks
 * the resource makes before it calls a service (required fields, the CSR through ca-service's
 * parser, the current certificate, the base64 signature). The mapper is configured as Quarkus
 * configures its own (unknown properties refused, modules found on the class path). Allowed
 * outcomes: a value, a Jackson exception or Jackson's CharConversionException for a body it takes
 * for UTF-32 (both answered 400 malformed-json), or a bad-request
 * {@link PortcullisException}.
 */
class EnrollmentBodiesFuzzTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    @FuzzTest(maxDuration = "5s")
    void enroll(byte[] body) {
        try {
            EnrollResource.EnrollBody enroll = JSON.readValue(body, EnrollResource.EnrollBody.class);
            if (enroll == null || enroll.peer() == null || enroll.peer().isBlank() || enroll.csr() == null || enroll.csr().isBlank()) {
                return; // 400 invalid-request
            }
            PemText.csr(enroll.csr());
        } catch (JacksonException | CharConversionException expected) {
            // 400 malformed-json (ProblemMappers)
        } catch (IOException e) {
            throw new AssertionError("an in-memory body cannot fail to read", e);
        } catch (PortcullisException e) {
            Assertions.assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        }
    }

    @FuzzTest(maxDuration = "5s")
    void renew(byte[] body) {
        try {
            EnrollResource.RenewBody renew = JSON.readValue(body, EnrollResource.RenewBody.class);
            if (renew == null || renew.certificate() == null || renew.csr() == null || renew.signature() == null) {
                return; // 400 invalid-request
            }
            PemText.certificate(renew.certificate());
            try {
                Base64.getMimeDecoder().decode(renew.signature().strip());
            } catch (IllegalArgumentException notBase64) {
                return; // 400 invalid-signature
            }
            PemText.csr(renew.csr());
        } catch (JacksonException | CharConversionException expected) {
            // 400 malformed-json (ProblemMappers)
        } catch (IOException e) {
            throw new AssertionError("an in-memory body cannot fail to read", e);
        } catch (PortcullisException e) {
            Assertions.assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        }
    }
}
