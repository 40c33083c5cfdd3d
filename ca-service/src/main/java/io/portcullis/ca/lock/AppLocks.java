package io.portcullis.ca.lock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Named database locks (rows of {@code app_lock}, one per critical section) held until the
 * current transaction ends. They serialise rare start-up work across server instances sharing
 * one database; a missing row is a migration bug and fails loudly.
 */
@ApplicationScoped
public class AppLocks {

    public static final String CA_BOOTSTRAP = "ca-bootstrap";
    public static final String FIRST_ADMIN = "first-admin";

    private final EntityManager em;

    public AppLocks(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String name) {
        if (em.createNativeQuery("select name from app_lock where name = ?1 for update")
                .setParameter(1, name).getResultList().isEmpty()) {
            throw new IllegalStateException("no app_lock row named " + name + "; the schema migrations are incomplete");
        }
    }
}
