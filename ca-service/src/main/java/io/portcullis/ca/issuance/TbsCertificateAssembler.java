package io.portcullis.ca.issuance;

import io.portcullis.ca.profile.CertificateDraft;
import io.portcullis.ca.signing.CaSigner;
import java.math.BigInteger;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * Builds the to-be-signed certificate from a profile's draft, the reserved serial and the issuer.
 * The TBS is a plain value: the linter inspects exactly these bytes and the signing step signs
 * exactly these bytes, so nothing can change between the two.
 */
public final class TbsCertificateAssembler {

    public TBSCertificate assemble(CertificateDraft draft, BigInteger serial, CaSigner issuer) {
        V3TBSCertificateGenerator generator = new V3TBSCertificateGenerator();
        generator.setSerialNumber(new ASN1Integer(serial));
        generator.setSignature(issuer.signatureAlgorithm());
        // The issuer's subject exactly as encoded in its certificate, so name chaining is byte-exact.
        generator.setIssuer(issuer.certificate().getSubject());
        // BC's Time picks UTCTime up to 2049 and GeneralizedTime after, as RFC 5280 4.1.2.5 requires.
        generator.setStartDate(new Time(Date.from(draft.notBefore())));
        generator.setEndDate(new Time(Date.from(draft.notAfter())));
        generator.setSubject(draft.subject());
        generator.setSubjectPublicKeyInfo(draft.publicKey());
        generator.setExtensions(new Extensions(draft.extensions().toArray(new Extension[0])));
        return generator.generateTBSCertificate();
    }
}
