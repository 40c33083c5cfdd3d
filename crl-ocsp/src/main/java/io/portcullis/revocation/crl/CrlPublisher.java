package io.portcullis.revocation.crl;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.authority.CaIds;
import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.hierarchy.PkiUrls;
import io.portcullis.ca.lock.AppLocks;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.revocation.config.CrlConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Issues the CRLs that are due for one CA. Exactly one writer at a time across all server
 * instances: the {@code crl-writer} row lock is taken first and held until commit, and the CRL
 * number comes from {@code crl_series} in the same transaction, so numbers never repeat or go
 * backwards (a rolled-back build consumes nothing).
 */
@ApplicationScoped
public class CrlPublisher {

    public static final String CRL_WRITER_LOCK = "crl-writer";
    public static final String AUDIT_CRL_ISSUED = "crl.issued";

    private static final Logger LOG = Logger.getLogger(CrlPublisher.class);

    private final EntityManager em;
    private final AppLocks locks;
    private final CaKeyring keyring;
    private final AuditLog audit;
    private final Clock clock;
    private final CrlConfig config;
    private final PkiUrls urls;

    public CrlPublisher(EntityManager em, AppLocks locks, CaKeyring keyring, AuditLog audit, Clock clock, CrlConfig config,
            PortcullisConfig portcullis) {
        this.em = em;
        this.locks = locks;
        this.keyring = keyring;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.urls = PkiUrls.forPublicBase(portcullis.publicUrl(), portcullis.ocspUrl());
    }

    /** Issues whatever is due for {@code issuerId} ({@link CaIds#ISSUING} or {@link CaIds#ROOT}); returns what was issued. */
    @Transactional
    public List<CrlMeta> publishDue(String issuerId) {
        CaSigner signer = signerFor(issuerId);
        locks.lock(CRL_WRITER_LOCK);
        return em.unwrap(Session.class).doReturningWork(connection -> publishDue(connection, issuerId, signer));
    }

    private List<CrlMeta> publishDue(Connection connection, String issuerId, CaSigner signer) throws SQLException {
        CrlStore store = new CrlStore(connection);
        Instant now = clock.instant();
        Optional<CrlMeta> full = store.latest(issuerId, CrlKind.FULL);
        Optional<CrlMeta> delta = store.latest(issuerId, CrlKind.DELTA);
        CrlDuePolicy.Decision due = CrlDuePolicy.decide(full, delta, store.hasChangesSinceLastFull(issuerId), now);
        List<CrlMeta> issued = new ArrayList<>();
        if (!due.any()) {
            return issued;
        }
        CrlBuilder builder = new CrlBuilder(new RevokedCertificateReader(connection));
        CrlUrls crlUrls = CrlUrls.of(urls, issuerId);
        long fullNumber = full.map(CrlMeta::number).orElse(0L);
        if (due.full()) {
            fullNumber = store.nextNumber(issuerId);
            store.stampJournal(issuerId, fullNumber);
            CrlBuilder.Spec spec = new CrlBuilder.Spec(issuerId, crlUrls, fullNumber, now, now.plus(config.validity()));
            CrlBuilder.Built built = builder.full(spec, signer, full.map(CrlMeta::entries).orElse(16));
            issued.add(store(store, spec, CrlKind.FULL, null, built));
        }
        long base = store.deltaBase(issuerId, now, fullNumber);
        CrlBuilder.Spec deltaSpec = new CrlBuilder.Spec(issuerId, crlUrls, store.nextNumber(issuerId), now, now.plus(config.deltaValidity()));
        issued.add(store(store, deltaSpec, CrlKind.DELTA, base, builder.delta(deltaSpec, base, signer)));
        store.pruneJournal(issuerId, base);
        return issued;
    }

    private CrlMeta store(CrlStore store, CrlBuilder.Spec spec, CrlKind kind, Long base, CrlBuilder.Built built) throws SQLException {
        CrlMeta meta = new CrlMeta(spec.issuerId(), kind, spec.number(), base, spec.thisUpdate(), spec.nextUpdate(), built.entries());
        store.publish(meta, built.der());
        audit.append(AuditEvent.success("system", AUDIT_CRL_ISSUED, spec.issuerId() + " " + kind.column() + " CRL #" + spec.number(),
                built.entries() + " entries; thisUpdate " + spec.thisUpdate() + "; nextUpdate " + spec.nextUpdate()
                        + (base == null ? "" : "; base CRL #" + base) + "; " + built.der().length + " bytes"));
        LOG.infof("Issued %s %s CRL #%d with %d entries (%d bytes)", spec.issuerId(), kind.column(), spec.number(),
                built.entries(), built.der().length);
        return meta;
    }

    private CaSigner signerFor(String issuerId) {
        return switch (issuerId) {
            case CaIds.ISSUING -> keyring.issuing();
            case CaIds.ROOT -> keyring.root();
            default -> throw PortcullisException.notFound("crl-not-found", "no CA named " + issuerId);
        };
    }
}
