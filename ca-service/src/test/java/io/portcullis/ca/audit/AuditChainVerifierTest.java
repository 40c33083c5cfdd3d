package io.portcullis.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");

    /** Builds a correct chain of n entries, the way AuditLog does. */
    static List<AuditRecord> chain(int n) {
        List<AuditRecord> out = new ArrayList<>();
        String prev = AuditHasher.GENESIS_HASH;
        for (int i = 1; i <= n; i++) {
            Instant at = AuditHasher.normalise(T0.plusSeconds(i));
            String hash = AuditHasher.hash(prev, i, at, "alice", "certificate.issued", "serial-" + i, "SUCCESS", "d" + i);
            out.add(new AuditRecord(i, at, "alice", "certificate.issued", "serial-" + i, "SUCCESS", "d" + i, prev, hash));
            prev = hash;
        }
        return out;
    }

    private static AuditChainVerifier verify(List<AuditRecord> entries) {
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (AuditRecord e : entries) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        AuditRecord last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        verifier.finish(last == null ? 0 : last.seq(), last == null ? AuditHasher.GENESIS_HASH : last.entryHash());
        return verifier;
    }

    @Test
    void intactChainVerifies() {
        AuditChainVerifier verifier = verify(chain(10));
        assertThat(verifier.firstBreak()).isEmpty();
        assertThat(verifier.checked()).isEqualTo(10);
    }

    @Test
    void emptyChainVerifies() {
        assertThat(verify(List.of()).firstBreak()).isEmpty();
    }

    @Test
    void alteredDetailsAreNamedByTheirSequenceNumber() {
        List<AuditRecord> entries = chain(10);
        AuditRecord e = entries.get(6);
        entries.set(6, new AuditRecord(e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.outcome(),
                "tampered", e.prevHash(), e.entryHash()));
        AuditChainVerifier verifier = verify(entries);
        assertThat(verifier.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(7);
            assertThat(b.reason()).contains("altered");
        });
    }

    @Test
    void rehashedEntryStillBreaksTheLinkOfItsSuccessor() {
        List<AuditRecord> entries = chain(5);
        AuditRecord e = entries.get(1);
        String forged = AuditHasher.hash(e.prevHash(), e.seq(), e.occurredAt(), "mallory", e.action(), e.target(), e.outcome(), e.details());
        entries.set(1, new AuditRecord(e.seq(), e.occurredAt(), "mallory", e.action(), e.target(), e.outcome(), e.details(), e.prevHash(), forged));
        assertThat(verify(entries).firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("does not link");
        });
    }

    @Test
    void deletedEntryIsReportedAsMissing() {
        List<AuditRecord> entries = chain(5);
        entries.remove(2);
        assertThat(verify(entries).firstBreak()).hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(3));
    }

    @Test
    void truncatedTailIsCaughtByTheHead() {
        List<AuditRecord> entries = chain(5);
        AuditChainVerifier verifier = new AuditChainVerifier();
        entries.subList(0, 4).forEach(verifier::accept);
        verifier.finish(5, entries.get(4).entryHash());
        assertThat(verifier.firstBreak()).hasValueSatisfying(b -> assertThat(b.reason()).contains("chain head"));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        String a = AuditHasher.hash(AuditHasher.GENESIS_HASH, 1, T0, "ab", "c", "", "SUCCESS", "");
        String b = AuditHasher.hash(AuditHasher.GENESIS_HASH, 1, T0, "a", "bc", "", "SUCCESS", "");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void hashIgnoresSubMicrosecondPrecisionThatDatabasesDrop() {
        Instant fine = Instant.parse("2026-01-01T00:00:00.123456789Z");
        Instant stored = Instant.parse("2026-01-01T00:00:00.123456Z");
        assertThat(AuditHasher.hash("p", 1, fine, "a", "b", "c", "d", "e"))
                .isEqualTo(AuditHasher.hash("p", 1, stored, "a", "b", "c", "d", "e"));
    }
}
