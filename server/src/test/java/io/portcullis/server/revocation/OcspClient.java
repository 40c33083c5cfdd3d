package io.portcullis.server.revocation;

import static io.restassured.RestAssured.given;

import java.math.BigInteger;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/** Builds OCSP requests with Bouncy Castle and posts them, as a relying party would. */
final class OcspClient {

    static final AlgorithmIdentifier SHA1 = CertificateID.HASH_SHA1;
    static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256);

    private OcspClient() {
    }

    static CertificateID id(AlgorithmIdentifier hash, X509CertificateHolder issuer, BigInteger serial) {
        try {
            DigestCalculator digest = new BcDigestCalculatorProvider().get(hash);
            return new CertificateID(digest, issuer, serial);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static OCSPReq request(byte[] nonce, CertificateID... ids) {
        try {
            OCSPReqBuilder builder = new OCSPReqBuilder();
            for (CertificateID id : ids) {
                builder.addRequest(id);
            }
            if (nonce != null) {
                builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(new DEROctetString(nonce)))));
            }
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] postRaw(byte[] body) {
        return given().contentType("application/ocsp-request").body(body).post("/ocsp")
                .then().statusCode(200).contentType("application/ocsp-response").extract().asByteArray();
    }

    static OCSPResp post(OCSPReq request) {
        try {
            return new OCSPResp(postRaw(request.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BasicOCSPResp basic(OCSPResp response) {
        try {
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new AssertionError("OCSP status " + response.getStatus());
            }
            return (BasicOCSPResp) response.getResponseObject();
        } catch (org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IllegalStateException(e);
        }
    }
}
