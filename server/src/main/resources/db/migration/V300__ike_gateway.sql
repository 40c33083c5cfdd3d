-- The IKE gateway's own credential: an RSA key (IKEv1 RSA signatures) and the certificate the
-- CA issued for it under profile ike-gateway. One row; the key is in a PKCS#12 blob encrypted
-- with the CA key store password (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC), like the CA keys.
CREATE TABLE ike_gateway_credential (
    id              VARCHAR(32)   PRIMARY KEY,
    identity        VARCHAR(1024) NOT NULL,
    serial_hex      VARCHAR(64)   NOT NULL,
    not_after       TIMESTAMP WITH TIME ZONE NOT NULL,
    keystore        BYTEA         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Serialises issuing that credential across instances starting together on one database.
INSERT INTO app_lock (name) VALUES ('ike-gateway');
