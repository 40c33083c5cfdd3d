-- Enrollment: the peer registry, enrollment requests (pending approval, issued, rejected), the
-- certificates issued to each peer, and the SCEP registration authority key. Written once for
-- H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE peer (
    id                VARCHAR(36)   PRIMARY KEY,
    name              VARCHAR(128)  NOT NULL,
    -- Set while the peer is not deleted; NULL afterwards, so the name and identity can be registered again.
    active_name       VARCHAR(128)  NULL UNIQUE,
    identity_type     VARCHAR(8)    NOT NULL,
    identity_value    VARCHAR(1024) NOT NULL,
    active_identity   VARCHAR(1100) NULL UNIQUE,
    -- Canonical CIDR blocks, space separated (RFC 3779 order).
    subnets           VARCHAR(4000) NOT NULL,
    profile           VARCHAR(64)   NOT NULL,
    approval          VARCHAR(8)    NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    -- HMAC-SHA256 of the one-time secret under a server-side key; the secret itself is never stored.
    secret_hash       VARCHAR(64)   NULL,
    secret_expires_at TIMESTAMP WITH TIME ZONE NULL,
    secret_used_at    TIMESTAMP WITH TIME ZONE NULL,
    created_by        VARCHAR(128)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX peer_name_idx ON peer (name);

CREATE TABLE peer_certificate (
    serial_hex VARCHAR(64) PRIMARY KEY REFERENCES certificate (serial_hex),
    peer_id    VARCHAR(36) NOT NULL REFERENCES peer (id),
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX peer_certificate_peer_idx ON peer_certificate (peer_id);

CREATE TABLE enrollment_request (
    id                 VARCHAR(36)   PRIMARY KEY,
    peer_id            VARCHAR(36)   NOT NULL REFERENCES peer (id),
    status             VARCHAR(16)   NOT NULL,
    channel            VARCHAR(16)   NOT NULL,
    csr_der            BYTEA         NOT NULL,
    -- SHA-256 of the CSR's SubjectPublicKeyInfo: SCEP polls and retransmissions must come from the same key.
    public_key_sha256  VARCHAR(64)   NOT NULL,
    transaction_id     VARCHAR(128)  NULL,
    client_address     VARCHAR(64)   NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE NULL,
    decided_by         VARCHAR(128)  NULL,
    reason             VARCHAR(512)  NULL,
    certificate_serial VARCHAR(64)   NULL
);
CREATE INDEX enrollment_request_status_idx ON enrollment_request (status, created_at);
CREATE INDEX enrollment_request_transaction_idx ON enrollment_request (transaction_id);
CREATE INDEX enrollment_request_peer_idx ON enrollment_request (peer_id);

-- The SCEP registration authority: an RSA key (PKCS#12, encrypted like the CA keys) and its
-- certificate issued by the issuing CA. The newest row is current.
CREATE TABLE scep_ra (
    id              VARCHAR(36) PRIMARY KEY,
    certificate_der BYTEA       NOT NULL,
    keystore        BYTEA       NOT NULL,
    not_after       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO app_lock (name) VALUES ('scep-ra');
