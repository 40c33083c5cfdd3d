package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Offline peer authentication against configured trust anchors: PKIX path validation (JCA,
 * revocation off — that is {@link RevocationCheckingAuthenticator}'s job), validity at the
 * injected time, keyUsage digitalSignature (RFC 4945 §5.1.3.2), the EKU policy, an RSA key
 * (we negotiate RSA signatures only) and the ID ↔ certificate match (RFC 4945 §3.1). The
 * peer's subnets come from its RFC 3779 extension.
 */
public final class StaticTrustPeerAuthenticator implements PeerAuthenticator {

    /** A bound on what a peer can make us parse and validate. */
    private static final int MAX_CHAIN = 8;

    private final Set<TrustAnchor> anchors;
    private final EkuPolicy ekuPolicy;

    public StaticTrustPeerAuthenticator(Collection<X509Certificate> trustAnchors, EkuPolicy ekuPolicy) {
        if (trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        this.anchors = trustAnchors.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.ekuPolicy = ekuPolicy;
    }

    @Override
    public AuthDecision authenticate(List<byte[]> peerCertChainDer, IdentificationPayload peerId, Instant now) {
        if (peerCertChainDer.isEmpty()) {
            return AuthDecision.refused(RefusalReason.CERT_UNAVAILABLE, "peer sent no certificate");
        }
        if (peerCertChainDer.size() > MAX_CHAIN) {
            return AuthDecision.refused(RefusalReason.INVALID_CERTIFICATE, "more than " + MAX_CHAIN + " certificates");
        }
        List<X509Certificate> chain;
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
            chain = new ArrayList<>();
            for (byte[] der : peerCertChainDer) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | ClassCastException e) {
            return AuthDecision.refused(RefusalReason.INVALID_CERTIFICATE, "undecodable certificate: " + e.getMessage());
        }
        X509Certificate endEntity = chain.get(0);
        Optional<String> unfit = fitness(endEntity);
        if (unfit.isPresent()) {
            return AuthDecision.refused(RefusalReason.INVALID_CERTIFICATE, unfit.get());
        }
        List<IpPrefix> subnets;
        try {
            subnets = IpAddressDelegation.of(endEntity);
        } catch (IpAddressDelegation.MalformedExtensionException e) {
            return AuthDecision.refused(RefusalReason.INVALID_CERTIFICATE, e.getMessage());
        }
        Optional<X509Certificate> anchor;
        try {
            anchor = validate(factory, chain, now);
        } catch (CertPathValidatorException e) {
            return AuthDecision.refused(RefusalReason.INVALID_CERTIFICATE, "path validation: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return AuthDecision.refused(RefusalReason.INVALID_CERTIFICATE, "path not usable: " + e.getMessage());
        }
        if (!IdentityMatcher.matches(peerId, endEntity)) {
            return AuthDecision.refused(RefusalReason.ID_MISMATCH,
                    "ID " + Identities.describe(peerId) + " is not bound to " + endEntity.getSubjectX500Principal());
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        anchor.ifPresent(path::add);
        return new AuthDecision.Accepted(new AuthenticatedPeer(peerId, subnets, Optional.of(endEntity.getPublicKey()), path));
    }

    private Optional<String> fitness(X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
            return Optional.of("certificate key is " + certificate.getPublicKey().getAlgorithm() + ", RSA needed");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !(keyUsage[0] || keyUsage[1])) {
            return Optional.of("keyUsage lacks digitalSignature and nonRepudiation");
        }
        try {
            if (!ekuPolicy.accepts(certificate.getExtendedKeyUsage())) {
                return Optional.of("extendedKeyUsage " + certificate.getExtendedKeyUsage() + " not accepted");
            }
        } catch (CertificateParsingException e) {
            return Optional.of("undecodable extendedKeyUsage: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** PKIX to the anchors; the anchor certificate is returned so the path names every issuer. */
    private Optional<X509Certificate> validate(CertificateFactory factory, List<X509Certificate> chain, Instant now)
            throws GeneralSecurityException {
        List<X509Certificate> withoutAnchors = chain.stream()
                .filter(c -> anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))).toList();
        if (withoutAnchors.isEmpty()) {
            throw new CertPathValidatorException("the peer presented a trust anchor as its own certificate");
        }
        CertPath path = factory.generateCertPath(withoutAnchors);
        PKIXParameters parameters;
        try {
            parameters = new PKIXParameters(anchors);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("trust anchors were checked non-empty", e);
        }
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(now));
        parameters.addCertPathChecker(new Rfc3779Claim());
        PKIXCertPathValidatorResult result =
                (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(path, parameters);
        return Optional.ofNullable(result.getTrustAnchor().getTrustedCert());
    }

    /**
     * RFC 3779 §2.2.1 makes the extension critical; JCA's PKIX would refuse it as unknown.
     * We do process it (the subnets), so we tell the validator it is handled.
     */
    private static final class Rfc3779Claim extends PKIXCertPathChecker {
        @Override
        public void init(boolean forward) {
            // stateless
        }

        @Override
        public boolean isForwardCheckingSupported() {
            return true;
        }

        @Override
        public Set<String> getSupportedExtensions() {
            return Set.of(IpAddressDelegation.OID);
        }

        @Override
        public void check(Certificate cert, Collection<String> unresolvedCritExts) {
            unresolvedCritExts.remove(IpAddressDelegation.OID);
        }
    }
}
