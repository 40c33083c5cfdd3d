package io.portcullis.ca.profile;

import io.portcullis.ca.error.PortcullisException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Copies requested subjectAltNames of the allowed types, after checking their syntax. A name of
 * any other type is refused, not silently dropped, so the requester learns why it is missing.
 * Needs the subject: per RFC 5280 4.2.1.6 the SAN is critical exactly when the subject is empty.
 */
public final class SanRule implements ProfileRule {

    static final int MAX_NAMES = 100;

    private final Set<Integer> allowedTypes;
    private final boolean required;

    public SanRule(Set<Integer> allowedTypes, boolean required) {
        this.allowedTypes = Set.copyOf(allowedTypes);
        this.required = required;
    }

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        List<GeneralName> requested = input.csr().subjectAltNames();
        if (requested.size() > MAX_NAMES) {
            throw PortcullisException.badRequest("too-many-sans", requested.size() + " subjectAltNames requested; at most " + MAX_NAMES);
        }
        Set<GeneralName> names = new LinkedHashSet<>();
        for (GeneralName name : requested) {
            if (!allowedTypes.contains(name.getTagNo())) {
                throw PortcullisException.badRequest("san-not-allowed", "subjectAltName type " + GeneralNameSyntax.typeName(name.getTagNo())
                        + " is not allowed in this profile; allowed: " + allowedTypeNames());
            }
            GeneralNameSyntax.check(name);
            names.add(name);
        }
        boolean emptySubject = draft.subject().getRDNs().length == 0;
        if (names.isEmpty()) {
            if (required || emptySubject) {
                throw PortcullisException.badRequest("san-required", "at least one subjectAltName of type " + allowedTypeNames() + " is required");
            }
            return;
        }
        draft.addExtension(Extension.subjectAlternativeName, emptySubject, new GeneralNames(names.toArray(new GeneralName[0])));
    }

    private String allowedTypeNames() {
        return allowedTypes.stream().sorted().map(GeneralNameSyntax::typeName).collect(Collectors.joining(", "));
    }
}
