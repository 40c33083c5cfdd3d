package io.portcullis.ca.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class UserAccountRepository implements PanacheRepositoryBase<UserAccount, String> {

    public List<UserAccount> listByName() {
        return list("order by username");
    }
}
