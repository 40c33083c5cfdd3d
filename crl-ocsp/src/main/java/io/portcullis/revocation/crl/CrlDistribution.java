package io.portcullis.revocation.crl;

import io.portcullis.ca.error.PortcullisException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * The CRLs to serve. Each request reads only the current CRL number from the database (several
 * instances may publish); the bytes are kept in memory per CA and kind until the number changes,
 * so a 50 MB CRL is loaded once per issue, not once per download.
 */
@ApplicationScoped
public class CrlDistribution {

    private final EntityManager em;
    private final CrlPublisher publisher;
    private final Map<String, PublishedCrl> loaded = new ConcurrentHashMap<>();

    public CrlDistribution(EntityManager em, CrlPublisher publisher) {
        this.em = em;
        this.publisher = publisher;
    }

    /** The current CRL of {@code issuerId}; on a fresh database the first one is issued on demand. */
    @Transactional
    public PublishedCrl current(String issuerId, CrlKind kind) {
        Optional<PublishedCrl> current = read(issuerId, kind);
        if (current.isEmpty()) {
            publisher.publishDue(issuerId);
            current = read(issuerId, kind);
        }
        return current.orElseThrow(() -> PortcullisException.notFound("crl-not-found", "no " + kind.column() + " CRL for " + issuerId));
    }

    private Optional<PublishedCrl> read(String issuerId, CrlKind kind) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            CrlStore store = new CrlStore(connection);
            Optional<CrlMeta> meta = store.latest(issuerId, kind);
            if (meta.isEmpty()) {
                return Optional.empty();
            }
            String key = issuerId + "/" + kind.column();
            PublishedCrl cached = loaded.get(key);
            if (cached != null && cached.meta().number() == meta.get().number()) {
                return Optional.of(cached);
            }
            Optional<byte[]> der = store.der(issuerId, kind, meta.get().number());
            der.ifPresent(bytes -> loaded.put(key, new PublishedCrl(meta.get(), bytes)));
            return der.map(bytes -> new PublishedCrl(meta.get(), bytes));
        });
    }
}
