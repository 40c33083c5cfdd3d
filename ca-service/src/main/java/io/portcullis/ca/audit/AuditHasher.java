package io.portcullis.ca.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Computes an entry's hash: SHA-256 over the previous entry's hash and a canonical encoding of
 * every field. Each field is length-prefixed so that no two different entries encode alike
 * ("ab"+"c" vs "a"+"bc").
 */
public final class AuditHasher {

    public static final String GENESIS_HASH = "0".repeat(64);

    private AuditHasher() {
    }

    /** Databases keep microseconds; hashing a finer instant would break verification after a reload. */
    public static Instant normalise(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hash(String prevHash, long seq, Instant occurredAt, String actor, String action,
            String target, String outcome, String details) {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, prevHash);
        append(canonical, Long.toString(seq));
        append(canonical, normalise(occurredAt).toString());
        append(canonical, actor);
        append(canonical, action);
        append(canonical, target);
        append(canonical, outcome);
        append(canonical, details);
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static String hashOf(AuditRecord r) {
        return hash(r.prevHash(), r.seq(), r.occurredAt(), r.actor(), r.action(), r.target(), r.outcome(), r.details());
    }

    private static void append(StringBuilder out, String field) {
        out.append(field.length()).append(':').append(field).append(';');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
