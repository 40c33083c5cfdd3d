package io.portcullis.server.ike;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The gateway's key and certificate chain, the key encrypted at rest (see V300__ike_gateway.sql). */
@Entity
@Table(name = "ike_gateway_credential")
public class GatewayCredentialRecord {

    public static final String GATEWAY_ID = "gateway";

    @Id
    public String id;

    /** The Phase 1 ID the certificate was issued for, as {@code GatewayIdentity.toString()}. */
    @Column(nullable = false)
    public String identity;

    @Column(name = "serial_hex", nullable = false)
    public String serialHex;

    @Column(name = "not_after", nullable = false)
    public Instant notAfter;

    /** PKCS#12: the RSA key (encrypted) and the chain, gateway certificate first. */
    @Column(nullable = false)
    public byte[] keystore;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
