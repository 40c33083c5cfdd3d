package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.isakmp.IdType;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * The RFC 4945 §3.1 binding of a Phase 1 ID to the certificate: FQDN ↔ dNSName, USER_FQDN ↔
 * rfc822Name, IPV4_ADDR/IPV6_ADDR ↔ iPAddress subjectAltName, DER_ASN1_DN ↔ the subject (exact
 * DN match, RFC 4945 §3.1.5). Other ID types are refused: RFC 4945 §3.1 does not bind them.
 */
public final class IdentityMatcher {

    private static final int SAN_RFC822 = 1;
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private IdentityMatcher() {
    }

    public static boolean matches(IdentificationPayload id, X509Certificate certificate) {
        IdType type = id.idType();
        try {
            if (type.equals(IdType.DER_ASN1_DN)) {
                return new X500Principal(id.data().toByteArray()).equals(certificate.getSubjectX500Principal());
            }
            if (type.equals(IdType.FQDN)) {
                String name = id.text();
                return sans(certificate, SAN_DNS).stream().anyMatch(s -> s.equalsIgnoreCase(name));
            }
            if (type.equals(IdType.USER_FQDN)) {
                String mailbox = id.text().toLowerCase(Locale.ROOT);
                return sans(certificate, SAN_RFC822).stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(mailbox));
            }
            if (type.equals(IdType.IPV4_ADDR) || type.equals(IdType.IPV6_ADDR)) {
                byte[] wanted = id.data().toByteArray();
                return sans(certificate, SAN_IP).stream().anyMatch(s -> Arrays.equals(literal(s), wanted));
            }
        } catch (IllegalArgumentException | CertificateParsingException e) {
            return false; // an undecodable DN or SAN cannot match anything
        }
        return false;
    }

    private static List<String> sans(X509Certificate certificate, int kind) throws CertificateParsingException {
        Collection<List<?>> all = certificate.getSubjectAlternativeNames();
        if (all == null) {
            return List.of();
        }
        return all.stream().filter(e -> e.size() == 2 && Integer.valueOf(kind).equals(e.get(0)))
                .map(e -> e.get(1)).filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** JCA renders iPAddress SANs as literals; parse them back without any name resolution. */
    private static byte[] literal(String text) {
        try {
            return io.portcullis.ike.esp.IpPrefix.parse(text).networkAddress();
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

}
