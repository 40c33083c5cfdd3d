package io.portcullis.ike.runtime;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * The gateway's Phase 1 ID as an operator writes it ({@code fqdn:gw.example.net},
 * {@code ipv4:192.0.2.1}, {@code ipv6:2001:db8::1}, {@code email:vpn@example.net}, or a DN), and
 * what its certificate must then carry so that peers accept the binding (RFC 4945 §3.1): a
 * dNSName, iPAddress or rfc822Name SAN, or the DN as subject.
 *
 * @param kind which of the forms
 * @param value the part after the prefix (the DN in RFC 2253 form for {@link Kind#DN})
 */
public record GatewayIdentity(Kind kind, String value) {

    public enum Kind { FQDN, IPV4, IPV6, EMAIL, DN }

    /** RFC 1123 host names: labels of letters, digits and inner hyphens. */
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern MAILBOX = Pattern.compile("[^@\\s]{1,64}@" + HOST.pattern());

    public GatewayIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** Parses the setting; an unusable value is an {@link IllegalArgumentException} naming the forms. */
    public static GatewayIdentity parse(String text) {
        String s = Objects.requireNonNull(text, "id").strip();
        int colon = s.indexOf(':');
        String prefix = colon < 0 ? "" : s.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : s.substring(colon + 1);
        switch (prefix) {
            case "fqdn" -> {
                if (!HOST.matcher(rest).matches()) {
                    throw bad(text, "not a host name");
                }
                return new GatewayIdentity(Kind.FQDN, rest.toLowerCase(Locale.ROOT));
            }
            case "ipv4", "ipv6" -> {
                IpPrefix host = literal(text, rest);
                boolean v4 = host.addressBytes() == 4;
                if (v4 != prefix.equals("ipv4") || host.length() != host.addressBytes() * 8) {
                    throw bad(text, "not an " + prefix + " address literal");
                }
                return new GatewayIdentity(v4 ? Kind.IPV4 : Kind.IPV6, address(host).getHostAddress());
            }
            case "email" -> {
                if (!MAILBOX.matcher(rest).matches()) {
                    throw bad(text, "not a mailbox");
                }
                return new GatewayIdentity(Kind.EMAIL, rest);
            }
            default -> {
                if (!s.contains("=")) {
                    throw bad(text, "no known prefix and not a distinguished name");
                }
                try {
                    return new GatewayIdentity(Kind.DN, new X500Principal(s).getName(X500Principal.RFC2253));
                } catch (IllegalArgumentException e) {
                    throw bad(text, "not a distinguished name: " + e.getMessage());
                }
            }
        }
    }

    /** The ID payload sent in Main Mode message 6. */
    public IdentificationPayload payload() {
        return switch (kind) {
            case FQDN -> IdentificationPayload.fqdn(value);
            case IPV4, IPV6 -> IdentificationPayload.address(address(IpPrefix.parse(value)));
            case EMAIL -> IdentificationPayload.userFqdn(value);
            case DN -> IdentificationPayload.derAsn1Dn(Bytes.of(new X500Principal(value).getEncoded()));
        };
    }

    /** The subject DN for the gateway certificate: the DN itself, else CN=value. */
    public String subjectDn() {
        return kind == Kind.DN ? value : "CN=" + value;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }

    private static IpPrefix literal(String text, String rest) {
        try {
            return IpPrefix.parse(rest);
        } catch (IllegalArgumentException e) {
            throw bad(text, e.getMessage());
        }
    }

    private static InetAddress address(IpPrefix host) {
        try {
            return InetAddress.getByAddress(host.networkAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("IpPrefix holds 4 or 16 bytes", impossible);
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("portcullis.ike.id '" + text + "': " + why
                + " (use fqdn:gw.example.net, ipv4:192.0.2.1, ipv6:2001:db8::1, email:vpn@example.net or a DN)");
    }
}
