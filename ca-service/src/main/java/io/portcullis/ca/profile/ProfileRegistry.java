package io.portcullis.ca.profile;

import io.portcullis.ca.error.PortcullisException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/** The named certificate profiles a request may ask for. */
public final class ProfileRegistry {

    public static final String IKE_GATEWAY = "ike-gateway";
    public static final String TLS_SERVER = "tls-server";
    public static final String OCSP_SIGNER = "ocsp-signer";
    public static final String SUB_CA = "sub-ca";
    public static final String SCEP_RA = "scep-ra";

    private final Map<String, CertificateProfile> profiles;

    public ProfileRegistry(Collection<CertificateProfile> profiles) {
        this.profiles = profiles.stream().collect(Collectors.toMap(CertificateProfile::name, Function.identity(),
                (a, b) -> {
                    throw PortcullisException.internal("profile-misconfigured", "two profiles named " + a.name(), null);
                }, TreeMap::new));
    }

    public static ProfileRegistry standard() {
        return new ProfileRegistry(List.of(ikeGateway(), tlsServer(), ocspSigner(), subCa(), scepRa()));
    }

    public CertificateProfile get(String name) {
        CertificateProfile profile = name == null ? null : profiles.get(name);
        if (profile == null) {
            throw PortcullisException.badRequest("unknown-profile",
                    "unknown certificate profile '" + name + "'; valid profiles: " + String.join(", ", profiles.keySet()));
        }
        return profile;
    }

    /** The profile names in alphabetical order (stable for UIs and error messages). */
    public Set<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(profiles.keySet()));
    }

    /** A VPN gateway or road warrior: IKE plus TLS client/server, identified by DNS, IP or email SANs. */
    static CertificateProfile ikeGateway() {
        return new RuleBasedProfile(IKE_GATEWAY, List.of(
                SubjectRule.copyFromCsrAllowingEmpty(),
                // A SAN only when the subject is empty (RFC 5280 4.2.1.6): gateways identified by
                // their DN (IKE ID type DER_ASN1_DN, RFC 4945) carry none.
                new SanRule(Set.of(GeneralName.dNSName, GeneralName.iPAddress, GeneralName.rfc822Name), false),
                new ValidityRule(Duration.ofDays(365), Duration.ofDays(730)),
                BasicConstraintsRule.endEntity(),
                new KeyUsageRule(KeyUsage.digitalSignature, KeyUsage.keyEncipherment),
                new ExtendedKeyUsageRule(KeyPurposeId.id_kp_ipsecIKE, KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth),
                new KeyIdentifiersRule(),
                RevocationPointersRule.issuingCaFull(),
                new FreshestCrlRule(),
                new IpAddressBlocksRule()));
    }

    /**
     * The SCEP registration authority (RFC 8894 §2.2): an RSA key that signs SCEP responses and
     * that clients encrypt their requests to, so both key usages and no EKU (clients such as
     * strongSwan and Cisco IOS pick the RA certificate by key usage).
     */
    static CertificateProfile scepRa() {
        return new RuleBasedProfile(SCEP_RA, List.of(
                SubjectRule.copyFromCsrRequired(),
                new ValidityRule(Duration.ofDays(365), Duration.ofDays(730)),
                BasicConstraintsRule.endEntity(),
                new KeyUsageRule(KeyUsage.digitalSignature, KeyUsage.keyEncipherment),
                new KeyIdentifiersRule(),
                RevocationPointersRule.issuingCaFull()));
    }

    /** A TLS server; 398 days is the CA/B Forum limit browsers enforce. */
    static CertificateProfile tlsServer() {
        return new RuleBasedProfile(TLS_SERVER, List.of(
                SubjectRule.copyFromCsrAllowingEmpty(),
                new SanRule(Set.of(GeneralName.dNSName, GeneralName.iPAddress), true),
                new ValidityRule(Duration.ofDays(365), Duration.ofDays(398)),
                BasicConstraintsRule.endEntity(),
                new KeyUsageRule(KeyUsage.digitalSignature, KeyUsage.keyEncipherment),
                new ExtendedKeyUsageRule(KeyPurposeId.id_kp_serverAuth),
                new KeyIdentifiersRule(),
                RevocationPointersRule.issuingCaFull(),
                new FreshestCrlRule()));
    }

    /** A delegated OCSP responder: short-lived because, with ocsp-nocheck, it cannot be revoked effectively. */
    static CertificateProfile ocspSigner() {
        return new RuleBasedProfile(OCSP_SIGNER, List.of(
                SubjectRule.copyFromCsrRequired(),
                new ValidityRule(Duration.ofDays(7), Duration.ofDays(30)),
                BasicConstraintsRule.endEntity(),
                KeyUsageRule.of(KeyUsage.digitalSignature),
                new ExtendedKeyUsageRule(KeyPurposeId.id_kp_OCSPSigning),
                new OcspNoCheckRule(),
                new KeyIdentifiersRule(),
                RevocationPointersRule.issuingCaIssuersOnly()));
    }

    /** A subordinate CA signed by the root; it may issue only end-entity certificates. */
    static CertificateProfile subCa() {
        Duration fiveYears = Duration.ofDays(5 * 365 + 1);
        return new RuleBasedProfile(SUB_CA, List.of(
                SubjectRule.copyFromCsrRequired(),
                new ValidityRule(fiveYears, fiveYears),
                BasicConstraintsRule.ca(0),
                KeyUsageRule.of(KeyUsage.keyCertSign | KeyUsage.cRLSign),
                new KeyIdentifiersRule(),
                RevocationPointersRule.root()));
    }
}
