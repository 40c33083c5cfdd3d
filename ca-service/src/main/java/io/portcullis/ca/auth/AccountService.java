package io.portcullis.ca.auth;

import io.portcullis.ca.audit.AuditAction;
import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.lock.AppLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates, lists and removes administrator accounts; every change is audited. */
@ApplicationScoped
public class AccountService implements AccountRoles {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final UserAccountRepository accounts;
    private final AppLocks locks;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(UserAccountRepository accounts, AppLocks locks, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.locks = locks;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public record AccountView(String username, Role role, boolean enabled, boolean locked) {
        static AccountView of(UserAccount a, Clock clock) {
            return new AccountView(a.username, a.role, a.enabled, a.isLockedAt(clock.instant()));
        }
    }

    @Transactional
    public AccountView create(String actor, String username, String password, Role role) {
        validateUsername(username);
        validatePassword(password);
        if (accounts.findById(username) != null) {
            throw PortcullisException.conflict("account-exists", "an account named '" + username + "' already exists");
        }
        UserAccount account = new UserAccount();
        account.username = username;
        account.passwordHash = hasher.hash(password);
        account.role = role;
        account.enabled = true;
        account.createdAt = clock.instant();
        accounts.persist(account);
        audit.append(AuditEvent.success(actor, AuditAction.ACCOUNT_CREATED, username, "role " + role.wireName()));
        return AccountView.of(account, clock);
    }

    @Transactional
    public List<AccountView> list() {
        return accounts.listByName().stream().map(a -> AccountView.of(a, clock)).toList();
    }

    @Transactional
    public void delete(String actor, String username) {
        if (actor.equals(username)) {
            throw PortcullisException.conflict("cannot-delete-self", "an administrator cannot delete their own account");
        }
        UserAccount account = accounts.findById(username);
        if (account == null) {
            throw PortcullisException.notFound("account-not-found", "no account named '" + username + "'");
        }
        accounts.delete(account);
        audit.append(AuditEvent.success(actor, AuditAction.ACCOUNT_DELETED, username, "role " + account.role.wireName()));
    }

    @Override
    @Transactional
    public Optional<Role> roleOfEnabled(String username) {
        return accounts.findByIdOptional(username).filter(a -> a.enabled).map(a -> a.role);
    }

    @Transactional
    public boolean anyAccountExists() {
        return accounts.count() > 0;
    }

    /**
     * Creates the first administrator unless some account exists, under a database lock so that
     * instances starting together create it once. Returns whether this call created it.
     */
    @Transactional
    public boolean createFirstAdmin(String username, String password) {
        locks.lock(AppLocks.FIRST_ADMIN);
        if (accounts.count() > 0) {
            return false;
        }
        create("bootstrap", username, password, Role.ADMIN);
        return true;
    }

    static void validateUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw PortcullisException.badRequest("invalid-username",
                    "username must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
    }

    static void validatePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw PortcullisException.badRequest("weak-password",
                    "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 1024) {
            throw PortcullisException.badRequest("password-too-long", "password may have at most 1024 characters");
        }
    }
}
