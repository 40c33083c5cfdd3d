package io.portcullis.ca.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An administrator account. Only the password's Argon2id hash is stored. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
