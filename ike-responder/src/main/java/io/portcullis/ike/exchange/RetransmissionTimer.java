package io.portcullis.ike.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a message we initiated is sent again, and when we stop waiting for its answer. IKEv1 leaves
 * retransmission to the initiator (RFC 2408 §5.1 only says it times out); like strongSwan we wait longer
 * after each try. Rekeys (twice as long each time) give up much sooner than strongSwan's 165 s: a rekey
 * starts with a tenth of the SA's lifetime left, and after giving up the old pair simply runs until it
 * expires. A Main Mode we start follows strongSwan's own schedule ({@link Schedule#STRONGSWAN}), since
 * nothing runs until it succeeds.
 */
final class RetransmissionTimer {

    /** What the owner of the message is to do now. */
    enum Action { WAIT, RESEND, GIVE_UP }

    /**
     * @param firstTimeout the wait after the first send
     * @param retransmissions how many times the message is sent again before giving up
     * @param backoff what each further wait is multiplied by
     */
    record Schedule(Duration firstTimeout, int retransmissions, double backoff) {
        /** Sends at 0, 2, 6 and 14 s; gives up at 30 s. */
        static final Schedule DEFAULT = new Schedule(Duration.ofSeconds(2), 3);
        /**
         * strongSwan's charon defaults (retransmit_timeout 4 s, retransmit_base 1.8, retransmit_tries 5): sends
         * at 0, 4, 11.2, 24.2, 47.5 and 89.5 s; gives up at 165.1 s.
         */
        static final Schedule STRONGSWAN = new Schedule(Duration.ofSeconds(4), 5, 1.8);

        Schedule {
            Objects.requireNonNull(firstTimeout, "firstTimeout");
            if (firstTimeout.isNegative() || firstTimeout.isZero() || retransmissions < 0 || retransmissions > 16
                    || !(backoff >= 1.0 && backoff <= 4.0)) {
                throw new IllegalArgumentException("retransmission schedule " + firstTimeout + " x" + retransmissions
                        + " backoff " + backoff);
            }
        }

        /** Each wait twice the one before. */
        Schedule(Duration firstTimeout, int retransmissions) {
            this(firstTimeout, retransmissions, 2.0);
        }
    }

    private final Schedule schedule;
    private Instant deadline;
    private Duration timeout;
    private int sent;

    RetransmissionTimer(Schedule schedule, Instant firstSent) {
        this.schedule = schedule;
        this.timeout = schedule.firstTimeout();
        this.deadline = firstSent.plus(timeout);
        this.sent = 1;
    }

    Action due(Instant now) {
        if (now.isBefore(deadline)) {
            return Action.WAIT;
        }
        if (sent > schedule.retransmissions()) {
            return Action.GIVE_UP;
        }
        sent++;
        timeout = Duration.ofNanos(Math.round(timeout.toNanos() * schedule.backoff()));
        deadline = now.plus(timeout);
        return Action.RESEND;
    }

    /** How often the message has been sent, the first time included. */
    int sent() {
        return sent;
    }
}
