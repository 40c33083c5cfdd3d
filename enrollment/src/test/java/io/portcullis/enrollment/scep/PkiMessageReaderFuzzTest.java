package io.portcullis.enrollment.scep;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.issuance.CsrDetails;
import io.portcullis.ca.issuance.CsrParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of SCEP PKIOperation input (Jazzer), along the path {@link ScepService}
 * takes before it touches the database: {@link PkiMessageReader} → (signature verified)
 * {@link ScepEnvelope#open} with the RA key → the CSR of a PKCSReq/RenewalReq and its
 * challengePassword. Octet 0 picks the entry point: 0 = the rest is a whole pkiMessage; 1 = the
 * rest is a pkcsPKIEnvelope (a fuzzer cannot forge the signature around a mutated envelope).
 * Seeds: pkiMessages built by {@link FuzzSeedWriter} as a SCEP client builds them. Allowed
 * outcomes: a value, {@link PkiMessageReader.Unreadable} (400), {@link ScepFailure} (CertRep
 * FAILURE), or a bad-request {@link PortcullisException}.
 */
class PkiMessageReaderFuzzTest {

    static final String RA_KEY = "fuzz-ra-test-only.pk8";
    private static final PrivateKey RA = raKey();

    private final PkiMessageReader reader = new PkiMessageReader(Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC));

    @FuzzTest(maxDuration = "5s")
    void pkiOperation(byte[] input) {
        if (input.length < 1) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        try {
            if (input[0] == 0) {
                PkiMessage message = reader.read(rest);
                assertThat(message.transactionId()).isNotEmpty();
                if (message.problem().isEmpty()) {
                    openAndParse(message.envelope(), message.messageType());
                }
            } else {
                openAndParse(rest, MessageType.PKCS_REQ);
            }
        } catch (PkiMessageReader.Unreadable | ScepFailure expected) {
            // typed: 400, or a CertRep FAILURE
        } catch (PortcullisException e) {
            assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        }
    }

    private static void openAndParse(byte[] envelope, MessageType type) {
        ScepEnvelope.Opened opened = ScepEnvelope.open(envelope, RA);
        if (type.equals(MessageType.PKCS_REQ) || type.equals(MessageType.RENEWAL_REQ)) {
            CsrDetails csr = new CsrParser().parseDer(opened.content());
            ScepService.challengePassword(csr);
        }
    }

    private static PrivateKey raKey() {
        try (InputStream in = PkiMessageReaderFuzzTest.class.getResourceAsStream(RA_KEY)) {
            if (in == null) {
                return null; // only while FuzzSeedWriter runs
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
