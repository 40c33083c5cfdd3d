package io.portcullis.revocation.ocsp;

import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.x509.Extension;

/** What a valid OCSP request asks: one or more certificate IDs, and the nonce extension to echo, if any. */
public record DecodedOcspRequest(List<CertID> certIds, Optional<Extension> nonce) {

    public DecodedOcspRequest {
        certIds = List.copyOf(certIds);
    }

    /** One certificate and no nonce: the shape RFC 5019 clients send, answerable from the pre-signed cache. */
    public boolean cacheable() {
        return certIds.size() == 1 && nonce.isEmpty();
    }
}
