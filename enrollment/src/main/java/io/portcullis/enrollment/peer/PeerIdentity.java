package io.portcullis.enrollment.peer;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.CsrDetails;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * A peer's registered identity, normalised (FQDNs and e-mail domains lower case, IP addresses in
 * one textual form, DNs parsed), and the identity-binding rule: a CSR must name exactly this
 * identity and nothing else.
 */
public record PeerIdentity(IdentityType type, String value) {

    private static final Pattern FQDN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");

    public static PeerIdentity parse(String type, String value) {
        IdentityType kind = IdentityType.parse(type);
        if (value == null || value.isBlank()) {
            throw invalid("identity.value is required");
        }
        String v = value.strip();
        return new PeerIdentity(kind, switch (kind) {
            case FQDN -> {
                String lower = v.toLowerCase(Locale.ROOT);
                lower = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
                if (!FQDN.matcher(lower).matches()) {
                    throw invalid("'" + value + "' is not a fully qualified domain name");
                }
                yield lower;
            }
            case IPV4 -> {
                if (!IPV4.matcher(v).matches()) {
                    throw invalid("'" + value + "' is not a dotted-quad IPv4 address");
                }
                yield address(v, 4);
            }
            case IPV6 -> {
                if (!v.contains(":")) {
                    throw invalid("'" + value + "' is not an IPv6 address");
                }
                yield address(v, 16);
            }
            case EMAIL -> {
                if (!EMAIL.matcher(v).matches()) {
                    throw invalid("'" + value + "' is not an e-mail address (user@domain)");
                }
                int at = v.lastIndexOf('@');
                yield v.substring(0, at) + "@" + v.substring(at + 1).toLowerCase(Locale.ROOT);
            }
            case DN -> {
                try {
                    X500Name name = new X500Name(BCStyle.INSTANCE, v);
                    if (name.getRDNs().length == 0) {
                        throw invalid("the DN is empty");
                    }
                    yield name.toString();
                } catch (IllegalArgumentException e) {
                    throw invalid("'" + value + "' is not a distinguished name such as CN=gw1,O=Example: " + e.getMessage());
                }
            }
        });
    }

    /** Unique among active peers: the SCEP endpoint finds a peer by the identity its CSR names. */
    public String key() {
        return type.wireName() + ":" + value;
    }

    @Override
    public String toString() {
        return type.wireName() + " " + value;
    }

    /** The identity keys a CSR could belong to (SCEP requests name no peer, only an identity). */
    public static List<String> candidateKeys(CsrDetails csr) {
        Set<String> keys = new LinkedHashSet<>();
        for (GeneralName san : csr.subjectAltNames()) {
            sanIdentity(san).ifPresent(id -> keys.add(id.key()));
        }
        if (csr.subjectAltNames().isEmpty() && csr.subject().getRDNs().length > 0) {
            keys.add(new PeerIdentity(IdentityType.DN, csr.subject().toString()).key());
            for (String cn : values(csr.subject(), BCStyle.CN)) {
                try {
                    keys.add(parse("fqdn", cn).key());
                } catch (PortcullisException notAnFqdn) {
                    // a CN that is not a host name cannot name an fqdn peer
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * Empty when the CSR names exactly this identity; otherwise a sentence naming the mismatch.
     * Non-DN identities: every subjectAltName must be this identity (at least one must be there),
     * and a CN or emailAddress in the subject, if present, must equal it too. DN identities: the
     * subject must equal the DN and the CSR must carry no subjectAltName.
     */
    public Optional<String> mismatch(CsrDetails csr) {
        if (type == IdentityType.DN) {
            X500Name registered = new X500Name(BCStyle.INSTANCE, value);
            if (!registered.equals(csr.subject())) {
                return Optional.of("the CSR's subject '" + csr.subject() + "' is not the registered identity dn '" + value + "'");
            }
            if (!csr.subjectAltNames().isEmpty()) {
                return Optional.of("the CSR carries subjectAltName " + render(csr.subjectAltNames().get(0))
                        + " but the registered identity is dn '" + value + "' only");
            }
            return Optional.empty();
        }
        boolean found = false;
        for (GeneralName san : csr.subjectAltNames()) {
            Optional<PeerIdentity> named = sanIdentity(san);
            if (named.isEmpty() || !named.get().equals(this)) {
                return Optional.of("the CSR's subjectAltName " + render(san) + " is not the registered identity " + this);
            }
            found = true;
        }
        if (!found) {
            return Optional.of("the CSR has no subjectAltName " + expectedSan() + " (registered identity " + this + ")");
        }
        for (String cn : values(csr.subject(), BCStyle.CN)) {
            if (!cn.equalsIgnoreCase(value)) {
                return Optional.of("the CSR's subject CN '" + cn + "' is not the registered identity " + this);
            }
        }
        for (String email : values(csr.subject(), BCStyle.EmailAddress)) {
            if (type != IdentityType.EMAIL || !email.equalsIgnoreCase(value)) {
                return Optional.of("the CSR's subject emailAddress '" + email + "' is not the registered identity " + this);
            }
        }
        return Optional.empty();
    }

    private String expectedSan() {
        return switch (type) {
            case FQDN -> "DNS:" + value;
            case IPV4, IPV6 -> "IP:" + value;
            case EMAIL -> "email:" + value;
            case DN -> "DirName:" + value;
        };
    }

    private static Optional<PeerIdentity> sanIdentity(GeneralName san) {
        try {
            return switch (san.getTagNo()) {
                case GeneralName.dNSName -> Optional.of(parse("fqdn", ((ASN1String) san.getName()).getString()));
                case GeneralName.rfc822Name -> Optional.of(parse("email", ((ASN1String) san.getName()).getString()));
                case GeneralName.iPAddress -> {
                    byte[] raw = ASN1OctetString.getInstance(san.getName()).getOctets();
                    String text = InetAddress.getByAddress(raw).getHostAddress();
                    yield Optional.of(new PeerIdentity(raw.length == 4 ? IdentityType.IPV4 : IdentityType.IPV6, text));
                }
                default -> Optional.empty();
            };
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String render(GeneralName san) {
        return switch (san.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + san.getName();
            case GeneralName.rfc822Name -> "email:" + san.getName();
            case GeneralName.iPAddress -> sanIdentity(san).map(id -> "IP:" + id.value()).orElse("IP:(invalid)");
            case GeneralName.uniformResourceIdentifier -> "URI:" + san.getName();
            case GeneralName.directoryName -> "DirName:" + X500Name.getInstance(san.getName());
            default -> "of type " + san.getTagNo();
        };
    }

    private static List<String> values(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        List<String> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs(type)) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type) && atv.getValue() instanceof ASN1String s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }

    private static String address(String literal, int length) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress(); // a literal: no name lookup
            if (bytes.length != length) {
                throw invalid("'" + literal + "' is not an IPv" + (length == 4 ? "4" : "6") + " address");
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw invalid("'" + literal + "' is not an IP address");
        }
    }

    private static PortcullisException invalid(String detail) {
        return PortcullisException.badRequest("invalid-identity", detail);
    }
}
