package io.portcullis.server.ike;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GatewayCredentialRepository implements PanacheRepositoryBase<GatewayCredentialRecord, String> {
}
