package io.portcullis.enrollment.peer;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.profile.IpAddressBlocks;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.ca.revocation.RevocationReason;
import io.portcullis.enrollment.EnrollmentAudit;
import io.portcullis.enrollment.EnrollmentConfig;
import io.portcullis.enrollment.secret.EnrollmentLimits;
import io.portcullis.enrollment.secret.EnrollmentSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The peer registry: register, list, new secret, disable/enable, delete. Disabling and deleting revoke the peer's certificates. */
@ApplicationScoped
public class PeerService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final ProfileRegistry PROFILES = ProfileRegistry.standard();

    private final PeerRepository peers;
    private final PeerCertificateRepository peerCertificates;
    private final PeerRetirement retirement;
    private final EnrollmentSecrets secrets;
    private final EnrollmentLimits limits;
    private final EnrollmentConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public PeerService(PeerRepository peers, PeerCertificateRepository peerCertificates, PeerRetirement retirement,
            EnrollmentSecrets secrets, EnrollmentLimits limits, EnrollmentConfig config, AuditLog audit, Clock clock) {
        this.peers = peers;
        this.peerCertificates = peerCertificates;
        this.retirement = retirement;
        this.secrets = secrets;
        this.limits = limits;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public record Registration(String name, PeerIdentity identity, List<String> subnets, String profile, Approval approval) {
    }

    /** The secret in clear exists only in this value, returned once to the caller. */
    public record IssuedSecret(Peer peer, String secret, Instant expiresAt) {
    }

    public static Registration validate(String name, String identityType, String identityValue, List<String> subnets,
            String profile, String approval) {
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw PortcullisException.badRequest("invalid-peer-name",
                    "name must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        PeerIdentity identity = PeerIdentity.parse(identityType, identityValue);
        String profileName = profile == null || profile.isBlank() ? ProfileRegistry.IKE_GATEWAY : profile.strip();
        PROFILES.get(profileName);
        if (ProfileRegistry.SCEP_RA.equals(profileName) || ProfileRegistry.SUB_CA.equals(profileName)
                || ProfileRegistry.OCSP_SIGNER.equals(profileName)) {
            throw PortcullisException.badRequest("invalid-peer-profile", "a peer cannot enroll for profile " + profileName
                    + "; use " + ProfileRegistry.IKE_GATEWAY + " or " + ProfileRegistry.TLS_SERVER);
        }
        List<String> cleaned = subnets == null ? List.of() : subnets.stream().map(s -> s == null ? "" : s.strip()).toList();
        if (!cleaned.isEmpty()) {
            IpAddressBlocks.parse(cleaned);
            if (!ProfileRegistry.IKE_GATEWAY.equals(profileName)) {
                throw PortcullisException.badRequest("invalid-peer-profile",
                        "subnets are written into the certificate as RFC 3779 address blocks, which only profile ike-gateway carries");
            }
        }
        if (identity.type() == IdentityType.DN && !ProfileRegistry.IKE_GATEWAY.equals(profileName)) {
            // A DN identity brings no subjectAltName; only ike-gateway issues without one (IKE ID DER_ASN1_DN).
            throw PortcullisException.badRequest("invalid-peer-identity", "identity type dn can only be enrolled with profile "
                    + ProfileRegistry.IKE_GATEWAY + "; " + profileName + " requires a subjectAltName");
        }
        return new Registration(name.strip(), identity, cleaned, profileName, Approval.parse(approval));
    }

    @Transactional
    public IssuedSecret register(Registration registration, String actor) {
        if (peers.find("activeName", registration.name()).firstResultOptional().isPresent()) {
            throw PortcullisException.conflict("peer-exists", "a peer named " + registration.name() + " already exists");
        }
        if (peers.findActiveByIdentityKey(registration.identity().key()).isPresent()) {
            throw PortcullisException.conflict("identity-taken", "another peer is already registered with identity " + registration.identity());
        }
        Instant now = clock.instant();
        Peer peer = new Peer();
        peer.id = UUID.randomUUID().toString();
        peer.name = registration.name();
        peer.activeName = registration.name();
        peer.identityType = registration.identity().type();
        peer.identityValue = registration.identity().value();
        peer.activeIdentity = registration.identity().key();
        peer.subnets = String.join(" ", registration.subnets());
        peer.profile = registration.profile();
        peer.approval = registration.approval();
        peer.status = PeerStatus.REGISTERED;
        peer.createdBy = actor;
        peer.createdAt = now;
        String secret = newSecret(peer, now);
        peers.persist(peer);
        peers.flush();
        audit.append(AuditEvent.success(actor, EnrollmentAudit.PEER_REGISTERED, peer.label(),
                "identity " + peer.identity() + "; subnets " + (peer.subnets.isEmpty() ? "none" : peer.subnets)
                        + "; profile " + peer.profile + "; approval " + peer.approval.wireName()
                        + "; secret expires " + peer.secretExpiresAt));
        return new IssuedSecret(peer, secret, peer.secretExpiresAt);
    }

    @Transactional
    public List<Peer> list() {
        return peers.listOrdered();
    }

    @Transactional
    public Peer get(String reference) {
        return find(reference);
    }

    @Transactional
    public List<PeerCertificate> certificatesOf(String peerId) {
        return peerCertificates.ofPeer(peerId);
    }

    @Transactional
    public IssuedSecret rotateSecret(String reference, String actor) {
        Peer peer = peers.lock(find(reference).id);
        if (!peer.isActive()) {
            throw PortcullisException.conflict("peer-inactive", "peer " + peer.name + " is " + peer.status.wireName()
                    + (peer.status == PeerStatus.DISABLED ? "; enable it first" : "; register it again"));
        }
        String secret = newSecret(peer, clock.instant());
        limits.clearPeer(peer.id);
        audit.append(AuditEvent.success(actor, EnrollmentAudit.PEER_SECRET_ISSUED, peer.label(), "secret expires " + peer.secretExpiresAt));
        return new IssuedSecret(peer, secret, peer.secretExpiresAt);
    }

    @Transactional
    public Peer disable(String reference, String actor) {
        Peer peer = peers.lock(find(reference).id);
        if (peer.status == PeerStatus.REVOKED) {
            throw PortcullisException.conflict("peer-inactive", "peer " + peer.name + " is deleted");
        }
        int revoked = retirement.retire(peer, RevocationReason.PRIVILEGE_WITHDRAWN, actor);
        peer.status = PeerStatus.DISABLED;
        audit.append(AuditEvent.success(actor, EnrollmentAudit.PEER_DISABLED, peer.label(), revoked + " certificate(s) revoked"));
        return peer;
    }

    @Transactional
    public Peer enable(String reference, String actor) {
        Peer peer = peers.lock(find(reference).id);
        if (peer.status != PeerStatus.DISABLED) {
            throw PortcullisException.conflict("peer-not-disabled", "peer " + peer.name + " is " + peer.status.wireName() + ", not disabled");
        }
        peer.status = PeerStatus.REGISTERED;
        peer.updatedAt = clock.instant();
        audit.append(AuditEvent.success(actor, EnrollmentAudit.PEER_ENABLED, peer.label(), "issue a new secret to enroll it again"));
        return peer;
    }

    /** Deletes the peer: revokes its certificates and frees its name and identity; the row stays for the record. */
    @Transactional
    public Peer delete(String reference, String actor) {
        Peer peer = peers.lock(find(reference).id);
        if (peer.status == PeerStatus.REVOKED) {
            return peer;
        }
        int revoked = retirement.retire(peer, RevocationReason.CESSATION_OF_OPERATION, actor);
        peer.status = PeerStatus.REVOKED;
        peer.activeName = null;
        peer.activeIdentity = null;
        audit.append(AuditEvent.success(actor, EnrollmentAudit.PEER_DELETED, peer.label(), revoked + " certificate(s) revoked"));
        return peer;
    }

    private String newSecret(Peer peer, Instant now) {
        String secret = secrets.generate();
        peer.secretHash = secrets.hash(secret);
        peer.secretExpiresAt = now.plus(config.secretLifetime());
        peer.secretUsedAt = null;
        peer.updatedAt = now;
        return secret;
    }

    private Peer find(String reference) {
        return peers.findByReference(reference)
                .orElseThrow(() -> PortcullisException.notFound("peer-not-found", "no peer with id or name '" + reference + "'"));
    }
}
