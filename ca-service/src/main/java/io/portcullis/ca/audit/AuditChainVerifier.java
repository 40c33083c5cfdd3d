package io.portcullis.ca.audit;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Walks the chain in sequence order and reports the first entry that does not follow from its
 * predecessor: a gap in the sequence, a wrong back-link, or a hash that does not match its content.
 */
public final class AuditChainVerifier {

    private String expectedPrevHash = AuditHasher.GENESIS_HASH;
    private long expectedSeq = 1;
    private long checked;
    private ChainBreak firstBreak;

    /** Feeds the next entry in ascending {@code seq} order; returns false once the chain is broken. */
    public boolean accept(AuditRecord entry) {
        if (firstBreak != null) {
            return false;
        }
        checked++;
        if (entry.seq() != expectedSeq) {
            firstBreak = new ChainBreak(expectedSeq, "entry " + expectedSeq + " is missing (next found is " + entry.seq() + ")");
        } else if (!same(entry.prevHash(), expectedPrevHash)) {
            firstBreak = new ChainBreak(entry.seq(), "entry " + entry.seq() + " does not link to the hash of entry " + (entry.seq() - 1));
        } else if (!same(entry.entryHash(), AuditHasher.hashOf(entry))) {
            firstBreak = new ChainBreak(entry.seq(), "entry " + entry.seq() + " was altered: its content no longer matches its hash");
        } else {
            expectedPrevHash = entry.entryHash();
            expectedSeq++;
            return true;
        }
        return false;
    }

    /** Checks that the chain ends where the head row says it does (catches deleted trailing entries). */
    public void finish(long headSeq, String headHash) {
        if (firstBreak != null) {
            return;
        }
        if (expectedSeq - 1 != headSeq) {
            firstBreak = new ChainBreak(expectedSeq, "the log ends at entry " + (expectedSeq - 1) + " but the chain head names entry " + headSeq);
        } else if (!same(expectedPrevHash, headHash)) {
            firstBreak = new ChainBreak(headSeq, "the chain head hash does not match entry " + headSeq);
        }
    }

    public long checked() {
        return checked;
    }

    public Optional<ChainBreak> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The first entry that breaks the chain, and why. */
    public record ChainBreak(long seq, String reason) {
    }
}
