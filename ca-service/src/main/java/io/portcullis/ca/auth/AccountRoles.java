package io.portcullis.ca.auth;

import java.util.Optional;

/**
 * The role an account holds right now, for sessions that re-check it on every request so that a
 * changed, disabled or deleted account takes effect at once.
 */
public interface AccountRoles {

    /** Empty when there is no such account or it is disabled. */
    Optional<Role> roleOfEnabled(String username);
}
