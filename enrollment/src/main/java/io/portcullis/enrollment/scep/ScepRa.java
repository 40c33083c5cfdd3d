package io.portcullis.enrollment.scep;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.authority.KeystorePassword;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.IssuancePipeline;
import io.portcullis.ca.issuance.IssueRequest;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.ca.keys.EncryptedKeyStore;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.lock.AppLocks;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.enrollment.EnrollmentAudit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jboss.logging.Logger;

/**
 * The SCEP registration authority: an RSA-2048 key (SCEP clients encrypt to RSA; the issuing CA
 * is ECDSA by default) with a {@code scep-ra} certificate issued by the CA. Created on first start
 * under a database lock, kept encrypted in {@code scep_ra}, replaced 30 days before it expires.
 */
@ApplicationScoped
public class ScepRa {

    private static final Logger LOG = Logger.getLogger(ScepRa.class);
    static final String ALIAS = "scep-ra";
    static final String SUBJECT = "CN=Portcullis SCEP RA,O=Portcullis";
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final EntityManager em;
    private final AppLocks locks;
    private final IssuancePipeline pipeline;
    private final CaKeyring keyring;
    private final KeystorePassword keystorePassword;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;
    private volatile Loaded loaded;

    public ScepRa(EntityManager em, AppLocks locks, IssuancePipeline pipeline, CaKeyring keyring, KeystorePassword keystorePassword,
            AuditLog audit, Clock clock, SecureRandom random) {
        this.em = em;
        this.locks = locks;
        this.pipeline = pipeline;
        this.keyring = keyring;
        this.keystorePassword = keystorePassword;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    private record Loaded(CertRepWriter.Signer signer, X509Certificate jca) {
    }

    public CertRepWriter.Signer signer() {
        return load().signer();
    }

    public X509CertificateHolder certificate() {
        return load().signer().certificate();
    }

    /** Creates the RA key and certificate unless a current one exists. Returns true when it created one. */
    public boolean ensure() {
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            locks.lock("scep-ra");
            Optional<ScepRaRecord> current = newest();
            if (current.isPresent() && clock.instant().plus(RENEW_BEFORE).isBefore(current.get().notAfter)) {
                return false;
            }
            create();
            return true;
        });
        if (created) {
            loaded = null;
        }
        return created;
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current != null && clock.instant().isBefore(current.signer().certificate().getNotAfter().toInstant())) {
            return current;
        }
        synchronized (this) {
            if (loaded == null || !clock.instant().isBefore(loaded.signer().certificate().getNotAfter().toInstant())) {
                ensure();
                loaded = QuarkusTransaction.joiningExisting().call(this::read);
            }
            return loaded;
        }
    }

    private Loaded read() {
        ScepRaRecord record = newest().orElseThrow(() -> new PortcullisException(io.portcullis.ca.error.ProblemKind.UNAVAILABLE,
                "scep-ra-missing", "the SCEP RA has not been created yet"));
        char[] password = keystorePassword.get();
        try {
            KeyStore.PrivateKeyEntry entry = EncryptedKeyStore.fromBytes(record.keystore, password, ALIAS);
            X509CertificateHolder certificate = new X509CertificateHolder(record.certificateDer);
            return new Loaded(new CertRepWriter.Signer(entry.getPrivateKey(), certificate), PemCodec.toJca(certificate));
        } catch (IOException e) {
            throw PortcullisException.internal("scep-ra-corrupt", "the SCEP RA certificate is unreadable", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Optional<ScepRaRecord> newest() {
        return em.createQuery("from ScepRaRecord order by createdAt desc", ScepRaRecord.class).setMaxResults(1)
                .getResultStream().findFirst();
    }

    private void create() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        KeyPair keys = generator.generateKeyPair();
        String csr = PemCodec.toPem(new JcaPKCS10CertificationRequestBuilder(new X500Name(SUBJECT), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        IssuedCertificate issued = pipeline.issue(new IssueRequest(csr, ProfileRegistry.SCEP_RA, Optional.empty(), "bootstrap"));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(PemCodec.toJca(issued.certificate()));
        for (X509CertificateHolder ca : keyring.chain()) {
            chain.add(PemCodec.toJca(ca));
        }
        char[] password = keystorePassword.get();
        ScepRaRecord record = new ScepRaRecord();
        try {
            record.keystore = EncryptedKeyStore.toBytes(password, ALIAS, keys.getPrivate(), chain.toArray(new X509Certificate[0]));
        } finally {
            Arrays.fill(password, '\0');
        }
        record.id = UUID.randomUUID().toString();
        record.certificateDer = issued.certificate().getEncoded();
        record.notAfter = issued.certificate().getNotAfter().toInstant();
        record.createdAt = clock.instant();
        em.persist(record);
        audit.append(AuditEvent.success("bootstrap", EnrollmentAudit.SCEP_RA_CREATED, Serials.toHex(issued.serial()),
                SUBJECT + "; RSA-2048; valid until " + record.notAfter));
        LOG.infof("SCEP RA key created (RSA-2048), certificate %s valid until %s", Serials.toHex(issued.serial()), record.notAfter);
    }
}
