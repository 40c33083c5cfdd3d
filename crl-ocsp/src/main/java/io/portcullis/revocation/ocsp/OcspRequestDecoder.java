package io.portcullis.revocation.ocsp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.ocsp.Request;
import org.bouncycastle.asn1.ocsp.TBSRequest;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * Decodes an OCSPRequest (RFC 6960 4.1) with bounds checked first: size, then structure, then
 * the number of certificate IDs, their hash algorithm, and the nonce length (RFC 8954 2.1).
 * Pure: bytes in, an immutable request or {@link MalformedOcspRequest} out. Bouncy Castle's ASN.1
 * classes signal bad input with several unchecked exceptions; they are all caught here, at the
 * edge, so no hostile request can surface as a 500.
 */
public final class OcspRequestDecoder {

    /** CertID hash algorithms we can match (RFC 6960 requires SHA-1; RFC 5019 clients may use SHA-256). */
    public static final Set<ASN1ObjectIdentifier> HASH_ALGORITHMS = Set.of(OIWObjectIdentifiers.idSHA1,
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private final int maxBytes;
    private final int maxCertIds;
    private final int maxNonceBytes;

    public OcspRequestDecoder(int maxBytes, int maxCertIds, int maxNonceBytes) {
        this.maxBytes = maxBytes;
        this.maxCertIds = maxCertIds;
        this.maxNonceBytes = maxNonceBytes;
    }

    public DecodedOcspRequest decode(byte[] der) throws MalformedOcspRequest {
        if (der == null || der.length == 0) {
            throw new MalformedOcspRequest("empty request");
        }
        if (der.length > maxBytes) {
            throw new MalformedOcspRequest("request of " + der.length + " bytes exceeds " + maxBytes);
        }
        OCSPRequest request;
        try (ASN1InputStream in = new ASN1InputStream(der, true)) {
            ASN1Primitive object = in.readObject();
            if (object == null || in.available() > 0 || in.readObject() != null) {
                throw new MalformedOcspRequest("not exactly one DER object");
            }
            if (!(object instanceof ASN1Sequence)) {
                throw new MalformedOcspRequest("not a SEQUENCE");
            }
            request = OCSPRequest.getInstance(object);
            return decode(request.getTbsRequest());
        } catch (IOException | RuntimeException e) {
            // IOException: truncated or bad lengths; IllegalArgumentException, ClassCastException,
            // ASN1ParsingException and friends: well-formed DER of the wrong shape.
            throw new MalformedOcspRequest("undecodable request: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private DecodedOcspRequest decode(TBSRequest tbs) throws MalformedOcspRequest {
        if (tbs.getVersion().intValueExact() != 0) {
            throw new MalformedOcspRequest("unsupported request version " + tbs.getVersion());
        }
        ASN1Sequence list = tbs.getRequestList();
        if (list.size() == 0) {
            throw new MalformedOcspRequest("no certificate IDs");
        }
        if (list.size() > maxCertIds) {
            throw new MalformedOcspRequest(list.size() + " certificate IDs; at most " + maxCertIds);
        }
        List<CertID> ids = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Request single = Request.getInstance(list.getObjectAt(i));
            rejectCriticalExtensions(single.getSingleRequestExtensions(), Set.of());
            CertID id = single.getReqCert();
            if (!HASH_ALGORITHMS.contains(id.getHashAlgorithm().getAlgorithm())) {
                throw new MalformedOcspRequest("unsupported CertID hash algorithm " + id.getHashAlgorithm().getAlgorithm());
            }
            id.getSerialNumber().getValue();
            ids.add(id);
        }
        Extensions extensions = tbs.getRequestExtensions();
        rejectCriticalExtensions(extensions, Set.of(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
        Optional<Extension> nonce = Optional.ofNullable(extensions == null ? null : extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
        if (nonce.isPresent()) {
            checkNonce(nonce.get());
        }
        return new DecodedOcspRequest(ids, nonce);
    }

    /** RFC 8954 2.1: a nonce of 0 or more than 32 octets is refused with malformedRequest. */
    private void checkNonce(Extension nonce) throws MalformedOcspRequest {
        byte[] value = nonce.getExtnValue().getOctets();
        int length = value.length;
        try {
            // Nonce ::= OCTET STRING inside extnValue. Older clients put raw bytes there; count those as they are.
            ASN1Primitive inner = ASN1Primitive.fromByteArray(value);
            if (inner instanceof ASN1OctetString octets) {
                length = octets.getOctets().length;
            }
        } catch (IOException | RuntimeException raw) {
            length = value.length;
        }
        if (length < 1 || length > maxNonceBytes) {
            throw new MalformedOcspRequest("nonce of " + length + " octets; 1 to " + maxNonceBytes + " allowed");
        }
    }

    /** Extensions we do not understand may be ignored unless critical (RFC 5280 4.2, applied to OCSP). */
    private static void rejectCriticalExtensions(Extensions extensions, Set<ASN1ObjectIdentifier> understood) throws MalformedOcspRequest {
        if (extensions == null) {
            return;
        }
        for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
            if (!understood.contains(oid)) {
                throw new MalformedOcspRequest("unsupported critical extension " + oid);
            }
        }
    }
}
