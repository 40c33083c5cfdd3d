package io.portcullis.ike.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Our side of RFC 3706 for one IKE SA: the R-U-THERE sequence numbers we send (from a random start, one
 * more for every message, retransmissions included, §5.5 and §7) and which of them are still unanswered.
 * An R-U-THERE-ACK counts only if it names one sent in the current round (the R-U-THEREs since the peer was
 * last heard) and is newer than any ACK counted before: a replayed ACK proves nothing. Anything else
 * authenticated from the peer (any IKE message, ESP) answers the round too. Not thread-safe: the IKE SA's
 * shard serialises access.
 */
final class DeadPeerProbe {

    private final boolean peerAnnounced;
    private int nextSequence;
    /** The first sequence number of the current round. */
    private int roundStart;
    /** Offset in the round of the newest ACK counted, -1 for none. */
    private int acknowledgedOffset = -1;
    private Optional<Instant> unansweredSince = Optional.empty();
    private Instant lastSent;

    /**
     * @param peerAnnounced the peer sent the RFC 3706 vendor ID in Main Mode (so it answers R-U-THERE)
     * @param firstSequence a random start (RFC 3706 §7: an ACK must not be guessable from earlier traffic)
     */
    DeadPeerProbe(boolean peerAnnounced, int firstSequence) {
        this.peerAnnounced = peerAnnounced;
        this.nextSequence = firstSequence;
        this.roundStart = firstSequence; // nothing sent yet: no ACK counts
    }

    boolean peerAnnounced() {
        return peerAnnounced;
    }

    /**
     * The sequence number of an R-U-THERE to send now, if one is due: the peer has been silent for
     * {@code delay}, or the last unanswered one went out {@code delay} ago.
     */
    OptionalInt due(Instant now, Instant lastHeard, Duration delay) {
        if (unansweredSince.isPresent()) {
            if (now.isBefore(lastSent.plus(delay))) {
                return OptionalInt.empty();
            }
        } else if (now.isBefore(lastHeard.plus(delay))) {
            return OptionalInt.empty();
        } else {
            unansweredSince = Optional.of(now);
            roundStart = nextSequence;
            acknowledgedOffset = -1;
        }
        lastSent = now;
        return OptionalInt.of(nextSequence++);
    }

    /**
     * An authenticated R-U-THERE-ACK: true if it answers an R-U-THERE of the current round not answered by a
     * newer ACK already (sequence numbers compared modulo 2^32).
     */
    boolean acknowledged(int sequence) {
        int sent = nextSequence - roundStart;
        int offset = sequence - roundStart;
        if (sent == 0 || Integer.compareUnsigned(offset, sent) >= 0 || offset <= acknowledgedOffset) {
            return false;
        }
        acknowledgedOffset = offset;
        unansweredSince = Optional.empty();
        return true;
    }

    /** Something else authenticated arrived from the peer at {@code when}: it is alive. */
    void heard(Instant when) {
        if (unansweredSince.isPresent() && !when.isBefore(unansweredSince.get())) {
            unansweredSince = Optional.empty();
        }
    }

    /** Whether an R-U-THERE has gone unanswered for {@code timeout}. */
    boolean deadAt(Instant now, Duration timeout) {
        return unansweredSince.isPresent() && !now.isBefore(unansweredSince.get().plus(timeout));
    }
}
