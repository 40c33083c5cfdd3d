package io.portcullis.ca.profile;

import io.portcullis.ca.error.PortcullisException;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Copies the CSR's subject DN, unchanged in encoding (IKE peers match their ID_DER_ASN1_DN
 * against it byte for byte), but only if every attribute is one we vouch for and within the
 * RFC 5280 Appendix A upper bounds.
 */
public final class SubjectRule implements ProfileRule {

    /** Attribute type -> maximum length in characters. */
    private static final Map<ASN1ObjectIdentifier, Integer> ALLOWED = Map.of(
            BCStyle.CN, 64, BCStyle.O, 64, BCStyle.OU, 64, BCStyle.C, 2, BCStyle.L, 128, BCStyle.ST, 128,
            BCStyle.DC, 63, BCStyle.SERIALNUMBER, 64, BCStyle.EmailAddress, 255);

    private final boolean emptyAllowed;

    private SubjectRule(boolean emptyAllowed) {
        this.emptyAllowed = emptyAllowed;
    }

    /** For end entities identified by their SANs: an empty subject is fine (the SAN then becomes critical). */
    public static SubjectRule copyFromCsrAllowingEmpty() {
        return new SubjectRule(true);
    }

    /** For CAs and OCSP signers, which RFC 5280 4.1.2.6 requires to have a non-empty subject. */
    public static SubjectRule copyFromCsrRequired() {
        return new SubjectRule(false);
    }

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        X500Name subject = input.csr().subject();
        if (subject.getRDNs().length == 0 && !emptyAllowed) {
            throw PortcullisException.badRequest("subject-required", "this profile requires a non-empty subject DN");
        }
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                check(attribute);
            }
        }
        draft.subject(subject);
    }

    private static void check(AttributeTypeAndValue attribute) {
        ASN1ObjectIdentifier type = attribute.getType();
        Integer maxLength = ALLOWED.get(type);
        if (maxLength == null) {
            throw PortcullisException.badRequest("subject-attribute-not-allowed",
                    "subject attribute " + name(type) + " is not allowed; use CN, O, OU, C, L, ST, DC, serialNumber or emailAddress");
        }
        if (!(attribute.getValue() instanceof ASN1String)) {
            throw PortcullisException.badRequest("invalid-subject", "subject attribute " + name(type) + " is not a string");
        }
        String value = ((ASN1String) attribute.getValue()).getString();
        if (value.isEmpty() || value.length() > maxLength) {
            throw PortcullisException.badRequest("invalid-subject",
                    "subject attribute " + name(type) + " must have 1 to " + maxLength + " characters, has " + value.length());
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw PortcullisException.badRequest("invalid-subject", "subject attribute " + name(type) + " contains control characters");
        }
    }

    private static String name(ASN1ObjectIdentifier type) {
        String known = BCStyle.INSTANCE.oidToDisplayName(type);
        return known == null ? type.getId() : known + " (" + type.getId() + ")";
    }
}
