package io.portcullis.revocation.crl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.hibernate.Session;

/** What is published now (number, thisUpdate, nextUpdate, entries) without loading the CRL's bytes. */
@ApplicationScoped
public class CrlStatus {

    private final EntityManager em;

    public CrlStatus(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Optional<CrlMeta> latest(String issuerId, CrlKind kind) {
        return em.unwrap(Session.class).doReturningWork(connection -> new CrlStore(connection).latest(issuerId, kind));
    }
}
