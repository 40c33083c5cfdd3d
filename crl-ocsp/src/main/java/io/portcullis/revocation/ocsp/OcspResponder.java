package io.portcullis.revocation.ocsp;

import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.revocation.CertificateReleased;
import io.portcullis.ca.revocation.CertificateRevoked;
import io.portcullis.revocation.config.OcspConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ocsp.CertID;
import org.jboss.logging.Logger;

/**
 * Answers OCSP requests (RFC 6960, RFC 5019 profile) for the issuing CA:
 * decode → check the issuer → pre-signed cache → status from the database → sign → cache.
 *
 * <p>{@link #fromCache} never blocks (no database, no signing), so the HTTP layer can answer
 * cache hits on the I/O thread; {@link #answer} may do both and runs on a worker thread.
 */
@ApplicationScoped
public class OcspResponder {

    private static final Logger LOG = Logger.getLogger(OcspResponder.class);

    private final OcspRequestDecoder decoder;
    private final OcspResponseCache cache;
    private final CertStateLookup lookup;
    private final ResponderCertificates responders;
    private final CaKeyring keyring;
    private final OcspConfig config;
    private final Clock clock;
    private volatile IssuerIdentity issuer;

    public OcspResponder(CertStateLookup lookup, ResponderCertificates responders, CaKeyring keyring, OcspConfig config, Clock clock) {
        this.decoder = new OcspRequestDecoder(config.maxRequestBytes(), config.maxCertificatesPerRequest(), config.maxNonceBytes());
        this.cache = new OcspResponseCache(config.cacheSize());
        this.lookup = lookup;
        this.responders = responders;
        this.keyring = keyring;
        this.config = config;
        this.clock = clock;
        responders.onRotation(cache::clear);
    }

    /** A decoded request, or the error response to send instead. */
    public record Parsed(DecodedOcspRequest request, OcspAnswer refusal) {
    }

    public Parsed parse(byte[] der) {
        try {
            return new Parsed(decoder.decode(der), null);
        } catch (MalformedOcspRequest e) {
            LOG.debugf("malformed OCSP request: %s", e.getMessage());
            return new Parsed(null, OcspAnswer.error(OcspStatus.MALFORMED_REQUEST));
        }
    }

    /** A cached answer that may be sent as it is, without touching the database; else empty. */
    public Optional<OcspAnswer> fromCache(DecodedOcspRequest request) {
        if (!request.cacheable() || issuer == null) {
            return Optional.empty();
        }
        CertID id = request.certIds().get(0);
        if (!issuer.matches(id)) {
            return Optional.empty();
        }
        OcspResponseCache.Entry entry = cache.get(id.getSerialNumber().getValue(), encoded(id));
        Instant now = clock.instant();
        if (entry == null || !fresh(entry, now) || now.isAfter(entry.checkedAt().plus(config.recheckAfter()))) {
            return Optional.empty();
        }
        return Optional.of(success(entry));
    }

    /** Answers any decoded request; may read the database and sign. */
    public OcspAnswer answer(DecodedOcspRequest request) {
        IssuerIdentity ours = issuer();
        for (CertID id : request.certIds()) {
            if (!ours.matches(id)) {
                // RFC 6960 2.3 / RFC 5019 2.2.3: we are not authoritative for this issuer.
                return OcspAnswer.error(OcspStatus.UNAUTHORIZED);
            }
        }
        if (request.cacheable()) {
            return answerCacheable(request.certIds().get(0));
        }
        Map<BigInteger, CertState> states = lookup.states(serials(request));
        Instant now = clock.instant();
        ResponderCredentials responder = responders.current();
        Instant nextUpdate = nextUpdate(now, responder);
        List<OcspResponseSigner.Answer> answers = new ArrayList<>();
        for (CertID id : request.certIds()) {
            answers.add(new OcspResponseSigner.Answer(id, states.get(id.getSerialNumber().getValue()), now, nextUpdate));
        }
        byte[] der = OcspResponseSigner.sign(responder, answers, request.nonce(), now);
        if (request.nonce().isPresent()) {
            return new OcspAnswer(der, OcspStatus.SUCCESSFUL, Optional.empty());
        }
        return new OcspAnswer(der, OcspStatus.SUCCESSFUL, Optional.of(new OcspAnswer.Caching(now, nextUpdate, etag(der))));
    }

    private OcspAnswer answerCacheable(CertID id) {
        BigInteger serial = id.getSerialNumber().getValue();
        byte[] key = encoded(id);
        // Read the epoch before the status: see OcspResponseCache.
        long epoch = cache.epoch();
        OcspResponseCache.Entry cached = cache.get(serial, key);
        CertState state = lookup.states(List.of(serial)).get(serial);
        Instant now = clock.instant();
        if (cached != null && fresh(cached, now) && state.equals(cached.state())) {
            // Still true: keep the signed bytes, note when we last checked.
            OcspResponseCache.Entry rechecked = cached.checkedAgain(now);
            cache.replace(serial, key, cached, rechecked, epoch);
            return success(rechecked);
        }
        ResponderCredentials responder = responders.current();
        Instant nextUpdate = nextUpdate(now, responder);
        byte[] der = OcspResponseSigner.sign(responder, List.of(new OcspResponseSigner.Answer(id, state, now, nextUpdate)),
                Optional.empty(), now);
        OcspResponseCache.Entry entry = new OcspResponseCache.Entry(der, state, now, nextUpdate, now, etag(der));
        if (!(state instanceof CertState.Unknown)) {
            // Unknown serials are not cached: anyone can ask for endless random serials.
            cache.put(serial, key, entry, epoch);
        }
        return success(entry);
    }

    /** Revocations, holds and releases committed in this process drop the serial at once. */
    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
        cache.invalidate(event.serial());
    }

    void onReleased(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateReleased event) {
        cache.invalidate(event.serial());
    }

    OcspResponseCache cache() {
        return cache;
    }

    /** Re-signed at half-life, as RFC 5019 6.2 suggests, so clients never get a response near its end. */
    private boolean fresh(OcspResponseCache.Entry entry, Instant now) {
        Duration half = Duration.between(entry.thisUpdate(), entry.nextUpdate()).dividedBy(2);
        return now.isBefore(entry.thisUpdate().plus(half));
    }

    /** No response may outlive the certificate of the responder that signed it. */
    private Instant nextUpdate(Instant now, ResponderCredentials responder) {
        Instant wanted = now.plus(config.responseValidity());
        return wanted.isBefore(responder.notAfter()) ? wanted : responder.notAfter();
    }

    private IssuerIdentity issuer() {
        IssuerIdentity current = issuer;
        if (current == null) {
            current = new IssuerIdentity(keyring.issuing().certificate());
            issuer = current;
        }
        return current;
    }

    private static OcspAnswer success(OcspResponseCache.Entry entry) {
        return new OcspAnswer(entry.der(), OcspStatus.SUCCESSFUL,
                Optional.of(new OcspAnswer.Caching(entry.thisUpdate(), entry.nextUpdate(), entry.etag())));
    }

    private static List<BigInteger> serials(DecodedOcspRequest request) {
        return request.certIds().stream().map(id -> id.getSerialNumber().getValue()).distinct().collect(Collectors.toList());
    }

    private static byte[] encoded(CertID id) {
        try {
            return id.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] der) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
