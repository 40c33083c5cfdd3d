package io.portcullis.enrollment.api;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.CsrParser;
import io.portcullis.ca.issuance.DerStructure;
import java.io.IOException;
import java.io.StringReader;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** PEM text from JSON bodies to DER. */
final class PemText {

    private static final int MAX_CHARS = 64 * 1024;

    private PemText() {
    }

    /** The CSR's DER, after ca-service's parser has accepted it (PEM or base64). */
    static byte[] csr(String text) {
        try {
            return new CsrParser().parse(text).request().getEncoded();
        } catch (IOException e) {
            throw PortcullisException.badRequest("malformed-csr", "the CSR cannot be re-encoded: " + e.getMessage());
        }
    }

    static X509CertificateHolder certificate(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            throw invalid();
        }
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject pem = reader.readPemObject();
            if (pem == null || !"CERTIFICATE".equals(pem.getType())) {
                throw invalid();
            }
            // Bounds and nesting first: BC parses recursively, and a deeply nested block overflowed its stack.
            if (DerStructure.firstProblem(pem.getContent()).isPresent()) {
                throw invalid();
            }
            return new X509CertificateHolder(pem.getContent());
        } catch (IOException | RuntimeException e) {
            if (e instanceof PortcullisException p) {
                throw p;
            }
            throw invalid();
        }
    }

    private static PortcullisException invalid() {
        return PortcullisException.badRequest("invalid-certificate", "\"certificate\" must be one PEM CERTIFICATE block");
    }
}
