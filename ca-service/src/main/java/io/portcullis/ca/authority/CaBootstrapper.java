package io.portcullis.ca.authority;

import io.portcullis.ca.audit.AuditAction;
import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.hierarchy.CaHierarchyFactory;
import io.portcullis.ca.hierarchy.CaHierarchySpec;
import io.portcullis.ca.hierarchy.GeneratedCa;
import io.portcullis.ca.hierarchy.GeneratedHierarchy;
import io.portcullis.ca.hierarchy.PkiUrls;
import io.portcullis.ca.keys.EncryptedKeyStore;
import io.portcullis.ca.keys.KeyAlgorithm;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.lock.AppLocks;
import io.portcullis.ca.store.CaRecord;
import io.portcullis.ca.store.CaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * Creates the root and issuing CA on first start. Runs under a database row lock, so of several
 * instances starting together on one database exactly one creates the hierarchy; the others wait,
 * then find it and do nothing.
 */
@ApplicationScoped
public class CaBootstrapper {

    private static final Logger LOG = Logger.getLogger(CaBootstrapper.class);
    /** Alias of the key entry in every CA key store. */
    public static final String KEY_ALIAS = "ca";

    private final CaRepository cas;
    private final AppLocks locks;
    private final KeystorePassword keystorePassword;
    private final PortcullisConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;

    public CaBootstrapper(CaRepository cas, AppLocks locks, KeystorePassword keystorePassword, PortcullisConfig config, AuditLog audit,
            Clock clock, SecureRandom random) {
        this.cas = cas;
        this.locks = locks;
        this.keystorePassword = keystorePassword;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Returns true when this call created the hierarchy. Runs under a database row lock, so of
     * several instances starting together exactly one creates it.
     */
    @Transactional
    public boolean ensureHierarchy() {
        locks.lock(AppLocks.CA_BOOTSTRAP);
        if (cas.findById(CaIds.ISSUING) != null) {
            return false;
        }
        CaHierarchySpec spec = spec();
        LOG.infof("First start: creating the CA hierarchy (root %s, issuing %s)", spec.rootKey(), spec.issuingKey());
        GeneratedHierarchy hierarchy = new CaHierarchyFactory(clock, random).create(spec);
        char[] password = keystorePassword.get();
        try {
            X509Certificate root = PemCodec.toJca(hierarchy.root().certificate());
            X509Certificate issuing = PemCodec.toJca(hierarchy.issuing().certificate());
            persist(CaIds.ROOT, null, hierarchy.root(), spec.rootKey(), new X509Certificate[] { root }, password);
            persist(CaIds.ISSUING, CaIds.ROOT, hierarchy.issuing(), spec.issuingKey(),
                    new X509Certificate[] { issuing, root }, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        audit.append(AuditEvent.success("bootstrap", AuditAction.CA_CREATED, CaIds.ROOT,
                spec.rootSubjectDn() + "; " + spec.rootKey()));
        audit.append(AuditEvent.success("bootstrap", AuditAction.CA_CREATED, CaIds.ISSUING,
                spec.issuingSubjectDn() + "; " + spec.issuingKey()));
        return true;
    }

    private CaHierarchySpec spec() {
        PortcullisConfig.Ca ca = config.ca();
        return new CaHierarchySpec(ca.rootSubject(), KeyAlgorithm.parse(ca.rootKeyAlgorithm()), ca.rootValidity(),
                ca.issuingSubject(), KeyAlgorithm.parse(ca.issuingKeyAlgorithm()), ca.issuingValidity(),
                PkiUrls.forPublicBase(config.publicUrl(), config.ocspUrl()));
    }

    private void persist(String id, String parentId, GeneratedCa ca, KeyAlgorithm algorithm, X509Certificate[] chain,
            char[] password) {
        CaRecord record = new CaRecord();
        record.id = id;
        record.parentId = parentId;
        record.subjectDn = ca.certificate().getSubject().toString();
        record.serialHex = Serials.toHex(ca.certificate().getSerialNumber());
        record.keyAlgorithm = algorithm.name();
        record.notBefore = ca.certificate().getNotBefore().toInstant();
        record.notAfter = ca.certificate().getNotAfter().toInstant();
        record.createdAt = clock.instant();
        try {
            record.certificateDer = ca.certificate().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record.keystore = EncryptedKeyStore.toBytes(password, KEY_ALIAS, ca.keyPair().getPrivate(), chain);
        cas.persist(record);
    }
}
