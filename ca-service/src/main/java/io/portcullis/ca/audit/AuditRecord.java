package io.portcullis.ca.audit;

import java.time.Instant;

/** An audit entry as it is hashed, verified and shown: a plain value, detached from persistence. */
public record AuditRecord(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String target,
        String outcome,
        String details,
        String prevHash,
        String entryHash) {
}
