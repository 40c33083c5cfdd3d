package io.portcullis.revocation.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.asn1.ocsp.CertID;

/**
 * Coverage-guided fuzzing of the OCSP request decoder (Jazzer), with the production limits
 * (8 KiB, 32 certificate IDs, 32-octet nonce). Seeds are requests made by {@code openssl ocsp
 * -reqout}. The only exception a request may cause is {@link MalformedOcspRequest}; whatever
 * decodes must be usable by the responder without further surprises (the parts it reads are read).
 */
class OcspRequestDecoderFuzzTest {

    private final OcspRequestDecoder decoder = new OcspRequestDecoder(8192, 32, 32);

    @FuzzTest(maxDuration = "5s")
    void request(byte[] der) {
        DecodedOcspRequest request;
        try {
            request = decoder.decode(der);
        } catch (MalformedOcspRequest expected) {
            return;
        }
        assertThat(request.certIds()).isNotEmpty().hasSizeLessThanOrEqualTo(32);
        for (CertID id : request.certIds()) {
            id.getHashAlgorithm().getAlgorithm().getId();
            id.getIssuerNameHash().getOctets();
            id.getIssuerKeyHash().getOctets();
            id.getSerialNumber().getValue();
        }
        request.nonce().ifPresent(nonce -> nonce.getExtnValue().getOctets());
    }
}
