package io.portcullis.ui.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A logged-in browser. The cookie value itself is never stored, only its SHA-256. */
@Entity
@Table(name = "ui_session")
public class UiSessionRecord {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(nullable = false)
    public String username;

    @Column(name = "csrf_token", nullable = false)
    public String csrfToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
