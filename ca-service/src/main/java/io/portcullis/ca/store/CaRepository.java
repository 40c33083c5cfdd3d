package io.portcullis.ca.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaRepository implements PanacheRepositoryBase<CaRecord, String> {

}
