package io.portcullis.ca.auth;

import io.portcullis.ca.error.PortcullisException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Administrative roles, least privilege first: auditors read everything and change nothing;
 * operators also issue, approve and revoke; admins also manage accounts.
 */
public enum Role {
    AUDITOR, OPERATOR, ADMIN;

    /** Role names as they appear in tokens and in {@code @RolesAllowed}. */
    public static final String ADMIN_NAME = "admin";
    public static final String OPERATOR_NAME = "operator";
    public static final String AUDITOR_NAME = "auditor";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        return Arrays.stream(values())
                .filter(r -> r.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> PortcullisException.badRequest("unknown-role",
                        "role must be one of admin, operator, auditor; got '" + value + "'"));
    }
}
