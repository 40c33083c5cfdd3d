package io.portcullis.ca.auth;

import io.portcullis.ca.audit.AuditAction;
import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Password login for administrators. Every attempt is audited; repeated failures lock the account
 * for a while. The account's counters and the audit entry are committed before the caller is
 * refused, so a failed login leaves its trace.
 */
@ApplicationScoped
public class LoginService {

    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 1024;
    private static final int TRACKED_ADDRESSES = 10_000;

    private final UserAccountRepository accounts;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final PortcullisConfig config;
    /** Verified against when the user does not exist, so response time does not reveal which names exist. */
    private final String decoyHash;
    private final LoginThrottle throttle;

    public LoginService(UserAccountRepository accounts, PasswordHasher hasher, TokenService tokens, AuditLog audit,
            Clock clock, PortcullisConfig config) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.decoyHash = hasher.hash("decoy-password-for-timing");
        this.throttle = new LoginThrottle(config.auth().maxFailedLoginsPerAddress(), config.auth().addressWindow(), TRACKED_ADDRESSES);
    }

    public TokenService.IssuedToken login(String username, String password, String clientAddress) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw PortcullisException.badRequest("missing-credentials", "username and password are required");
        }
        if (username.length() > MAX_USERNAME || password.length() > MAX_PASSWORD) {
            throw PortcullisException.badRequest("credentials-too-long",
                    "username may have at most " + MAX_USERNAME + " characters and password at most " + MAX_PASSWORD);
        }
        if (throttle.blocked(clientAddress, clock.instant())) {
            long seconds = Math.max(1, throttle.retryAfter(clientAddress, clock.instant()).toSeconds());
            QuarkusTransaction.requiringNew().run(() -> audit.append(AuditEvent.failure(username, AuditAction.LOGIN, username,
                    "refused before the password check: too many failed logins from client " + clientAddress)));
            throw new PortcullisException(ProblemKind.TOO_MANY_REQUESTS, "address-throttled",
                    "too many failed logins from this address; try again in " + seconds + " s");
        }
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> attempt(username, password, clientAddress));
        if (attempt.result() != Result.SUCCESS) {
            throttle.recordFailure(clientAddress, clock.instant());
        }
        return switch (attempt.result()) {
            case SUCCESS -> tokens.issue(username, attempt.role());
            case LOCKED -> throw new PortcullisException(ProblemKind.TOO_MANY_REQUESTS, "account-locked",
                    "too many failed logins; try again later");
            case REFUSED -> throw new PortcullisException(ProblemKind.UNAUTHORIZED, "invalid-credentials",
                    "username or password is wrong");
        };
    }

    private Attempt attempt(String username, String password, String clientAddress) {
        Instant now = clock.instant();
        UserAccount account = accounts.findById(username);
        if (account == null || !account.enabled) {
            hasher.matches(password, decoyHash);
            audit.append(AuditEvent.failure(username, AuditAction.LOGIN, username,
                    "unknown or disabled account; client " + clientAddress));
            return new Attempt(Result.REFUSED, null);
        }
        if (account.isLockedAt(now)) {
            audit.append(AuditEvent.failure(username, AuditAction.LOGIN, username,
                    "account locked until " + account.lockedUntil + "; client " + clientAddress));
            return new Attempt(Result.LOCKED, null);
        }
        if (!hasher.matches(password, account.passwordHash)) {
            account.failedLogins++;
            String lockNote = "";
            if (account.failedLogins >= config.auth().maxFailedLogins()) {
                account.lockedUntil = now.plus(config.auth().lockoutDuration());
                account.failedLogins = 0;
                lockNote = "; account locked until " + account.lockedUntil;
            }
            audit.append(AuditEvent.failure(username, AuditAction.LOGIN, username,
                    "wrong password; client " + clientAddress + lockNote));
            return new Attempt(Result.REFUSED, null);
        }
        account.failedLogins = 0;
        account.lockedUntil = null;
        audit.append(AuditEvent.success(username, AuditAction.LOGIN, username, "client " + clientAddress));
        return new Attempt(Result.SUCCESS, account.role);
    }

    private enum Result { SUCCESS, REFUSED, LOCKED }

    private record Attempt(Result result, Role role) {
    }
}
