package io.portcullis.ca.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class CaRepository implements PanacheRepositoryBase<CaRecord, String> {

    /**
     * Locks the bootstrap row until the transaction ends, so that of several instances starting on
     * one database exactly one creates the hierarchy and the others then find it.
     */
    public void lockBootstrap() {
        getEntityManager().createNativeQuery("select name from app_lock where name = 'ca-bootstrap' for update")
                .getResultList();
    }
}
