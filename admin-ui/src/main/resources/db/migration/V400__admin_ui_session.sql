-- Admin UI sessions (module admin-ui; versions 400-499). Kept in the database so that several
-- server instances sharing it accept each other's sessions and a logout ends the session everywhere.
CREATE TABLE ui_session (
    -- SHA-256 of the cookie value: whoever reads the table cannot replay a session.
    id_hash      VARCHAR(64)  PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    -- Per-session CSRF token, embedded in every form and compared in constant time.
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ui_session_expires_idx ON ui_session (expires_at);
CREATE INDEX ui_session_user_idx ON ui_session (username);
