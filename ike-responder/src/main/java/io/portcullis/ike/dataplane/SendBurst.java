package io.portcullis.ike.dataplane;

/**
 * Gives the processor away after every {@code burst} packets the outbound thread sends back to back.
 *
 * <p>Why: a UDP send runs the receiving side's network stack on the sending thread, and the receiving
 * socket wakes its reader with a "synchronous" wakeup, which Linux places on the waker's CPU on the
 * assumption that the waker is about to sleep. The outbound thread does not sleep while the TUN queue
 * holds packets, so whatever its sends woke (on a shared host the peer's receive thread; on any host our
 * own threads and the local stack's readers) waits behind it until the queue is empty, for milliseconds
 * at line rate, while that reader's socket buffer overflows. Traced with a strongSwan peer on the same
 * two-core host (docs/benchmarks.md): every datagram the peer dropped (UdpRcvbufErrors, equal to the TCP
 * retransmits) was dropped while its reader sat runnable on our CPU behind this thread, even with the other
 * CPU idle. Yielding after a bounded run lets it in; with nothing else runnable {@code sched_yield} returns
 * at once, so an idle or dedicated host pays one cheap system call per burst.
 */
final class SendBurst {
    /**
     * A few hundred microseconds of sending (about 10 µs per packet here), and about half of what a default
     * Linux receive buffer (208 KiB) holds of 1.4 kB datagrams, so a reader woken at its start runs before
     * its socket fills.
     */
    static final int DEFAULT_BURST = 32;

    private final int burst;
    private final Runnable yielder;
    private int sent;

    SendBurst(int burst, Runnable yielder) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be positive, not " + burst);
        }
        this.burst = burst;
        this.yielder = yielder;
    }

    static SendBurst yieldingThread() {
        return new SendBurst(DEFAULT_BURST, Thread::yield);
    }

    /** One packet went out; every {@code burst}-th one yields. Called by the outbound thread only. */
    void sent() {
        if (++sent >= burst) {
            sent = 0;
            yielder.run();
        }
    }
}
