-- Portcullis CA core schema. Written once for both H2 (in PostgreSQL mode) and PostgreSQL:
-- only types and syntax that both accept.

-- Rows that exist only to be locked with SELECT ... FOR UPDATE, so that several server
-- instances sharing one database serialise rare critical sections (CA bootstrap).
CREATE TABLE app_lock (
    name VARCHAR(64) PRIMARY KEY
);
INSERT INTO app_lock (name) VALUES ('ca-bootstrap');

CREATE TABLE certificate_authority (
    id              VARCHAR(32)   PRIMARY KEY,
    parent_id       VARCHAR(32)   NULL REFERENCES certificate_authority (id),
    subject_dn      VARCHAR(1024) NOT NULL,
    serial_hex      VARCHAR(64)   NOT NULL,
    key_algorithm   VARCHAR(32)   NOT NULL,
    certificate_der BYTEA         NOT NULL,
    -- PKCS#12, private key encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC).
    keystore        BYTEA         NOT NULL,
    not_before      TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE certificate (
    serial_hex         VARCHAR(64)   PRIMARY KEY,
    issuer_id          VARCHAR(32)   NOT NULL REFERENCES certificate_authority (id),
    status             VARCHAR(16)   NOT NULL,
    profile            VARCHAR(64)   NOT NULL,
    subject_dn         VARCHAR(2048) NOT NULL,
    -- Searchable rendering of the subjectAltNames, e.g. "dns:gw1.example.net ip:192.0.2.1".
    san_text           VARCHAR(4096) NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after          TIMESTAMP WITH TIME ZONE NOT NULL,
    fingerprint_sha256 VARCHAR(64)   NULL,
    certificate_der    BYTEA         NULL,
    requested_by       VARCHAR(128)  NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at         TIMESTAMP WITH TIME ZONE NULL,
    revocation_reason  VARCHAR(32)   NULL,
    invalidity_date    TIMESTAMP WITH TIME ZONE NULL
);
CREATE INDEX certificate_status_idx ON certificate (status, not_after);
CREATE INDEX certificate_not_after_idx ON certificate (not_after);
CREATE INDEX certificate_issued_at_idx ON certificate (issued_at);

CREATE TABLE user_account (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    failed_logins INTEGER      NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The audit log is append-only and hash-chained: entry_hash = SHA-256(prev_hash | canonical entry).
CREATE TABLE audit_entry (
    seq         BIGINT        PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(128)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(512)  NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    details     VARCHAR(4000) NOT NULL,
    prev_hash   VARCHAR(64)   NOT NULL,
    entry_hash  VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, seq);

-- One row: the head of the chain. Appenders lock it, so entries get gap-free sequence numbers
-- and each one hashes its true predecessor even with several server instances.
CREATE TABLE audit_chain_head (
    id        INTEGER     PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
