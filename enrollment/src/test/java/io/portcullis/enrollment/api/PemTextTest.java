package io.portcullis.enrollment.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A fuzzing finding of issue 20: the renewal body's certificate overflowed Bouncy Castle's recursive parser. */
class PemTextTest {

    @Test
    void deeplyNestedCertificateIsRefusedInsteadOfAStackOverflow() {
        int depth = 11_000; // 44 KB of nested SEQUENCE headers, within the 64 KiB text limit
        byte[] der = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            int length = der.length - (i + 1) * 4;
            der[i * 4] = 0x30;
            der[i * 4 + 1] = (byte) 0x82;
            der[i * 4 + 2] = (byte) (length >>> 8);
            der[i * 4 + 3] = (byte) length;
        }
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> PemText.certificate(pem)).isInstanceOf(PortcullisException.class)
                .hasMessageContaining("one PEM CERTIFICATE block");
    }
}
