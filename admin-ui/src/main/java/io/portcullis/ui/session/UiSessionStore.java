package io.portcullis.ui.session;

import io.portcullis.ca.auth.AccountRoles;
import io.portcullis.ca.auth.Role;
import io.portcullis.ui.UiConfig;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * UI sessions in the database. A session is valid while it is younger than the maximum lifetime,
 * used within the idle timeout, and its account still exists and is enabled; the role is read
 * from the account on every request, so a changed or deleted account takes effect at once.
 */
@ApplicationScoped
public class UiSessionStore implements PanacheRepositoryBase<UiSessionRecord, String> {

    /** last_seen_at is written at most this often, so browsing does not write a row per page. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AccountRoles accounts;
    private final UiConfig config;
    private final Clock clock;
    private final SecureRandom random;

    public UiSessionStore(AccountRoles accounts, UiConfig config, Clock clock, SecureRandom random) {
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
        this.random = random;
    }

    /** A session of a user who has just logged in; {@code cookieValue} goes to the browser only. */
    public record NewSession(String cookieValue, UiSessionRecord record) {
    }

    /** The user behind a valid session, with the account's current role. */
    public record Resolved(UiSessionRecord session, String username, Role role) {
    }

    @Transactional
    public NewSession open(String username) {
        Instant now = clock.instant();
        String cookie = Tokens.random(random);
        UiSessionRecord record = new UiSessionRecord();
        record.idHash = Tokens.sha256(cookie);
        record.username = username;
        record.csrfToken = Tokens.random(random);
        record.createdAt = now;
        record.lastSeenAt = now;
        record.expiresAt = now.plus(config.sessionMaxLifetime());
        persist(record);
        return new NewSession(cookie, record);
    }

    @Transactional
    public Optional<Resolved> resolve(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 128) {
            return Optional.empty();
        }
        UiSessionRecord session = findById(Tokens.sha256(cookieValue));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt) || !now.isBefore(session.lastSeenAt.plus(config.sessionIdleTimeout()))) {
            delete(session);
            return Optional.empty();
        }
        Optional<Role> role = accounts.roleOfEnabled(session.username);
        if (role.isEmpty()) {
            delete(session);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt.plus(TOUCH_EVERY))) {
            session.lastSeenAt = now;
        }
        return Optional.of(new Resolved(session, session.username, role.get()));
    }

    @Transactional
    public void close(String cookieValue) {
        if (cookieValue != null && !cookieValue.isEmpty() && cookieValue.length() <= 128) {
            deleteById(Tokens.sha256(cookieValue));
        }
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void pruneExpired() {
        Instant now = clock.instant();
        delete("expiresAt <= ?1 or lastSeenAt <= ?2", now, now.minus(config.sessionIdleTimeout()));
    }
}
