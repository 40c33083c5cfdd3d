package io.portcullis.server.ike;

import io.portcullis.ca.authority.KeystorePassword;
import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.issuance.IssuancePipeline;
import io.portcullis.ca.issuance.IssueRequest;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.ca.keys.EncryptedKeyStore;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.lock.AppLocks;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.runtime.GatewayIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.jboss.logging.Logger;

/**
 * The gateway's own RSA key and certificate. On start it reuses the stored credential while it
 * is for the configured ID, not revoked, and more than {@link #RENEW_BEFORE} from expiry;
 * otherwise it generates an RSA-2048 key (IKEv1 signatures are RSA here), has the CA issue a
 * certificate under profile ike-gateway through the ordinary pipeline (so it is stored, audited
 * and revocable like any other), and stores the key encrypted with the CA key store password.
 */
@ApplicationScoped
public class GatewayCredentialStore {

    static final String LOCK = "ike-gateway";
    static final String KEY_ALIAS = "ike-gateway";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(GatewayCredentialStore.class);

    private final GatewayCredentialRepository credentials;
    private final CertificateReader certificates;
    private final AppLocks locks;
    private final KeystorePassword keystorePassword;
    private final IssuancePipeline pipeline;
    private final Clock clock;
    private final SecureRandom random;

    public GatewayCredentialStore(GatewayCredentialRepository credentials, CertificateReader certificates,
            AppLocks locks, KeystorePassword keystorePassword, IssuancePipeline pipeline, Clock clock,
            SecureRandom random) {
        this.credentials = credentials;
        this.certificates = certificates;
        this.locks = locks;
        this.keystorePassword = keystorePassword;
        this.pipeline = pipeline;
        this.clock = clock;
        this.random = random;
    }

    /** The credential for {@code id}, issuing a new one when needed; under a database lock. */
    @Transactional
    public GatewayCredentials ensure(GatewayIdentity id, Optional<String> publicHost) {
        locks.lock(LOCK);
        GatewayCredentialRecord record = credentials.findById(GatewayCredentialRecord.GATEWAY_ID);
        Optional<String> stale = record == null ? Optional.of("none stored yet") : staleness(record, id);
        if (stale.isEmpty()) {
            return load(record, id);
        }
        LOG.infof("IKE gateway certificate: issuing a new one for %s (%s)", id, stale.get());
        return issue(id, publicHost, record);
    }

    private Optional<String> staleness(GatewayCredentialRecord record, GatewayIdentity id) {
        if (!record.identity.equals(id.toString())) {
            return Optional.of("the stored one is for " + record.identity);
        }
        if (record.notAfter.minus(RENEW_BEFORE).isBefore(clock.instant())) {
            return Optional.of("the stored one expires " + record.notAfter);
        }
        Optional<CertificateStatus> stored = certificates.find(record.serialHex).map(StoredCertificate::status);
        if (stored.isEmpty() || stored.get() != CertificateStatus.VALID) {
            return Optional.of("the stored one is " + stored.map(CertificateStatus::toString).orElse("unknown to the CA"));
        }
        return Optional.empty();
    }

    private GatewayCredentials issue(GatewayIdentity id, Optional<String> publicHost, GatewayCredentialRecord old) {
        KeyPair key = rsa2048();
        IssuedCertificate issued = pipeline.issue(new IssueRequest(GatewayCsr.pem(id, key, publicHost),
                ProfileRegistry.IKE_GATEWAY, Optional.empty(), "ike-gateway"));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(PemCodec.toJca(issued.certificate()));
        issued.chain().forEach(c -> chain.add(PemCodec.toJca(c)));
        GatewayCredentialRecord record = old == null ? new GatewayCredentialRecord() : old;
        record.id = GatewayCredentialRecord.GATEWAY_ID;
        record.identity = id.toString();
        record.serialHex = Serials.toHex(issued.serial());
        record.notAfter = chain.get(0).getNotAfter().toInstant();
        record.createdAt = clock.instant();
        char[] password = keystorePassword.get();
        try {
            record.keystore = EncryptedKeyStore.toBytes(password, KEY_ALIAS, key.getPrivate(),
                    chain.toArray(X509Certificate[]::new));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (old == null) {
            credentials.persist(record);
        }
        LOG.infof("IKE gateway certificate issued: serial %s, subject %s, valid until %s", record.serialHex,
                chain.get(0).getSubjectX500Principal().getName(), record.notAfter);
        return credentials(id, (RSAPrivateKey) key.getPrivate(), chain);
    }

    private GatewayCredentials load(GatewayCredentialRecord record, GatewayIdentity id) {
        char[] password = keystorePassword.get();
        KeyStore.PrivateKeyEntry entry;
        try {
            entry = EncryptedKeyStore.fromBytes(record.keystore, password, KEY_ALIAS);
        } finally {
            Arrays.fill(password, '\0');
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : entry.getCertificateChain()) {
            chain.add((X509Certificate) c);
        }
        return credentials(id, (RSAPrivateKey) entry.getPrivateKey(), chain);
    }

    /** The CERTREQs name every CA of our chain, so a peer holding several certificates picks ours. */
    private static GatewayCredentials credentials(GatewayIdentity id, RSAPrivateKey key, List<X509Certificate> chain) {
        List<X500Principal> authorities = chain.stream().skip(1).map(X509Certificate::getSubjectX500Principal).toList();
        return new GatewayCredentials(key, chain, id.payload(), authorities);
    }

    private KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is part of every JDK", e);
        }
    }
}
