package io.portcullis.ike.esp;

import static io.portcullis.ike.esp.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.EspTransform.Integrity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The key and ICV lengths our {@link Integrity} constants carry, checked against the authentication test
 * cases of RFC 4868 §2.7.2 (key as long as the hash, ICV its left half) and RFC 2404 §5 / RFC 2202 test
 * case 5 for HMAC-SHA1-96.
 */
class IntegrityTruncationVectorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // RFC 4868 §2.7.2.1 AUTH256-1, AUTH256-2 (key "JefeJefe..." 32 octets)
        "AUTH256-1, HMAC_SHA2_256_128, 0b, Hi There, 198a607eb44bfbc69903a0f1cf2bbdc5",
        "AUTH256-2, HMAC_SHA2_256_128, Jefe, what do ya want for nothing?, 167f928588c5cc2eef8e3093caa0e87c",
        // RFC 4868 §2.7.2.2 AUTH384-1
        "AUTH384-1, HMAC_SHA2_384_192, 0b, Hi There, b6a8d5636f5c6a7224f9977dcf7ee6c7fb6d0c48cbdee973",
        // RFC 4868 §2.7.2.3 AUTH512-1, AUTH512-2
        "AUTH512-1, HMAC_SHA2_512_256, 0b, Hi There, 637edc6e01dce7e6742a99451aae82df23da3e92439e590e43e761b33e910fb8",
        "AUTH512-2, HMAC_SHA2_512_256, Jefe, what do ya want for nothing?, cb370917ae8a7ce28cfd1d8f4705d6141c173b2a9362c15df235dfb251b15454",
        // RFC 2202 §3 test case 5, the HMAC-SHA-1-96 truncation case RFC 2404 §5 refers to
        "SHA1-96,   HMAC_SHA1_96,      0c, Test With Truncation, 4c1a03424b55e07fe7f27be1",
    })
    void truncatedHmacMatchesPublishedIcv(String name, Integrity integrity, String keyPattern, String data, String icv)
            throws Exception {
        byte[] key = key(keyPattern, integrity.keyBytes());
        Mac mac = Mac.getInstance(integrity.jcaName());
        mac.init(new SecretKeySpec(key, integrity.jcaName()));
        byte[] full = mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));

        assertThat(integrity.icvBytes()).isEqualTo(hex(icv).length);
        assertThat(Arrays.copyOf(full, integrity.icvBytes())).isEqualTo(hex(icv));
    }

    /** "0b" → that octet repeated; "Jefe" → the ASCII string repeated, both to the algorithm's key length. */
    private static byte[] key(String pattern, int length) {
        byte[] unit = pattern.length() == 2 ? hex(pattern) : pattern.getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = unit[i % unit.length];
        }
        return key;
    }
}
