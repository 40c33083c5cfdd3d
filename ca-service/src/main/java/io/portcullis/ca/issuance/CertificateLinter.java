package io.portcullis.ca.issuance;

import io.portcullis.ca.error.PortcullisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The last gate before signing: RFC 5280 (and the CA/B Forum rules we follow) checked on the
 * exact TBS that will be signed. A finding is never the requester's fault, it is a bug in a
 * profile, so it is reported as INTERNAL {@code lint-failed}, naming every rule that failed,
 * and nothing is signed. The rules themselves live in {@link LintRules}.
 */
public final class CertificateLinter {

    private record NamedRule(String name, Function<LintTarget, Optional<String>> check) {
    }

    private static final List<NamedRule> RULES = List.of(
            new NamedRule("version-3", LintRules::version3),
            new NamedRule("serial-positive-max-20-octets", LintRules::serial),
            new NamedRule("validity-ordered", LintRules::validityOrdered),
            new NamedRule("validity-within-issuer", LintRules::validityWithinIssuer),
            new NamedRule("issuer-name-matches", LintRules::issuerNameMatches),
            new NamedRule("issuer-may-sign-certificates", LintRules::issuerIsCa),
            new NamedRule("signature-algorithm-matches-issuer-key", LintRules::signatureAlgorithmMatchesIssuerKey),
            new NamedRule("ski-present", LintRules::skiPresent),
            new NamedRule("aki-equals-issuer-ski", LintRules::akiEqualsIssuerSki),
            new NamedRule("san-rules", LintRules::subjectAltName),
            new NamedRule("key-usage-present-and-critical", LintRules::keyUsagePresentAndCritical),
            new NamedRule("key-usage-fits-key-type", LintRules::keyUsageFitsKeyType),
            new NamedRule("basic-constraints", LintRules::basicConstraints),
            new NamedRule("revocation-pointers", LintRules::revocationPointers),
            new NamedRule("eku-consistent-with-ku", LintRules::ekuConsistentWithKeyUsage));

    public void lint(TBSCertificate tbs, X509CertificateHolder issuerCert) {
        LintTarget target = new LintTarget(tbs, issuerCert);
        List<String> findings = new ArrayList<>();
        for (NamedRule rule : RULES) {
            Optional<String> finding;
            try {
                finding = rule.check().apply(target);
            } catch (RuntimeException e) {
                // An extension so broken that BC cannot parse it is a finding too, not a crash.
                finding = Optional.of("cannot be evaluated: " + e);
            }
            finding.ifPresent(f -> findings.add("[" + rule.name() + "] " + f));
        }
        if (!findings.isEmpty()) {
            throw PortcullisException.internal("lint-failed",
                    "refusing to sign certificate for '" + tbs.getSubject() + "': " + String.join("; ", findings), null);
        }
    }
}
