package io.portcullis.ca.profile;

import io.portcullis.ca.error.PortcullisException;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Syntax of the SAN types Portcullis issues (RFC 5280 4.2.1.6): preferred-name-syntax DNS names
 * without wildcards, 4- or 16-octet IP addresses, and plain {@code local@domain} mailboxes.
 */
final class GeneralNameSyntax {

    private static final String[] TYPE_NAMES = {
        "otherName", "email", "DNS", "x400Address", "directoryName", "ediPartyName", "URI", "IP", "registeredID"};

    private GeneralNameSyntax() {
    }

    static String typeName(int tag) {
        return tag >= 0 && tag < TYPE_NAMES.length ? TYPE_NAMES[tag] : "tag " + tag;
    }

    static void check(GeneralName name) {
        switch (name.getTagNo()) {
            case GeneralName.dNSName:
                checkDns(string(name), "DNS name");
                break;
            case GeneralName.iPAddress:
                int length = ASN1OctetString.getInstance(name.getName()).getOctets().length;
                if (length != 4 && length != 16) {
                    throw invalid("an IP address SAN must have 4 or 16 octets, not " + length);
                }
                break;
            case GeneralName.rfc822Name:
                checkEmail(string(name));
                break;
            default:
                // Other types only reach here if a profile allows them; they are copied as parsed.
                break;
        }
    }

    private static void checkDns(String dns, String what) {
        if (dns.isEmpty() || dns.length() > 253) {
            throw invalid(what + " '" + shorten(dns) + "' must have 1 to 253 characters");
        }
        if (dns.startsWith("*")) {
            throw invalid("wildcard " + what + " '" + shorten(dns) + "' is not issued");
        }
        for (String label : dns.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                throw invalid(what + " '" + shorten(dns) + "' is not a valid host name (letters, digits, hyphens; labels of 1-63 characters)");
            }
        }
    }

    private static void checkEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at != email.indexOf('@') || email.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw invalid("email SAN '" + shorten(email) + "' must be a single local@domain address in ASCII");
        }
        checkDns(email.substring(at + 1), "email domain");
    }

    private static String string(GeneralName name) {
        return ((ASN1String) name.getName()).getString();
    }

    private static String shorten(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static PortcullisException invalid(String detail) {
        return PortcullisException.badRequest("invalid-san", detail);
    }
}
