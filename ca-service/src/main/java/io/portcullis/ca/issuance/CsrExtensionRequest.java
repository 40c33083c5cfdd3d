package io.portcullis.ca.issuance;

import java.io.IOException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Reads the subjectAltName out of a CSR's PKCS#9 extensionRequest attribute. It is the only
 * requested extension Portcullis ever looks at; the profile decides what reaches the certificate.
 */
final class CsrExtensionRequest {

    private CsrExtensionRequest() {
    }

    static List<GeneralName> subjectAltNames(PKCS10CertificationRequest request) {
        Attribute[] attributes;
        try {
            attributes = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        } catch (RuntimeException e) {
            throw CsrParser.malformed("the CSR's attributes cannot be parsed: " + e.getMessage(), e);
        }
        if (attributes.length == 0) {
            return List.of();
        }
        if (attributes.length > 1 || attributes[0].getAttrValues().size() != 1) {
            throw CsrParser.malformed("the CSR must carry at most one extensionRequest attribute with one value", null);
        }
        Extension san = extensions(attributes[0]).getExtension(Extension.subjectAlternativeName);
        if (san == null) {
            return List.of();
        }
        byte[] value = san.getExtnValue().getOctets();
        DerStructure.firstProblem(value).ifPresent(problem -> {
            throw CsrParser.malformed("the requested subjectAltName is not valid DER: " + problem, null);
        });
        GeneralName[] names;
        try {
            names = GeneralNames.getInstance(ASN1Primitive.fromByteArray(value)).getNames();
        } catch (IOException | RuntimeException e) {
            throw CsrParser.malformed("the requested subjectAltName cannot be parsed: " + e.getMessage(), e);
        }
        if (names.length == 0) {
            throw CsrParser.malformed("the requested subjectAltName is empty (RFC 5280 requires at least one name)", null);
        }
        return List.of(names);
    }

    private static Extensions extensions(Attribute attribute) {
        try {
            // Extensions.getInstance refuses repeated OIDs, which RFC 5280 forbids.
            Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            for (var oid : extensions.getExtensionOIDs()) {
                extensions.getExtension(oid).getExtnValue();
            }
            return extensions;
        } catch (RuntimeException e) {
            throw CsrParser.malformed("the CSR's extensionRequest is not a valid list of extensions: " + e.getMessage(), e);
        }
    }
}
