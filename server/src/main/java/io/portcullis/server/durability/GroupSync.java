package io.portcullis.server.durability;

import java.util.function.Consumer;

/**
 * Group commit: a committer waits in {@link #awaitDurable()} until a flush-and-fsync that started
 * after its commit has finished. One flusher thread runs them back to back, and every commit that
 * arrives while one runs shares the next, so N concurrent commits cost about two fsyncs, not N.
 *
 * <p>A failed fsync is not retried: after one, the kernel may have dropped the dirty pages it could
 * not write, and a second fsync could succeed without them (PostgreSQL stops for the same reason).
 * The waiting committers get a {@link DurabilityException} and {@code onFailure} decides the rest.
 */
public final class GroupSync implements AutoCloseable {

    /** Writes what was committed to the storage device (e.g. H2's {@code CHECKPOINT SYNC}). */
    @FunctionalInterface
    public interface Flush {
        void flushAndSync() throws Exception;
    }

    private final Flush flush;
    private final Consumer<Exception> onFailure;
    private final Thread flusher;
    // Guarded by this: tickets handed out, the highest ticket known durable, and why none can be any more.
    private long requested;
    private long durable;
    private Exception failure;
    private boolean closed;
    private long flushes;

    public GroupSync(Flush flush, Consumer<Exception> onFailure) {
        this.flush = flush;
        this.onFailure = onFailure;
        this.flusher = new Thread(this::run, "portcullis-group-sync");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * Returns once everything committed before this call is on the storage device. Not interruptible:
     * a commit must not be acknowledged before it is durable, however the caller is hurried.
     */
    public void awaitDurable() {
        boolean interrupted = false;
        try {
            synchronized (this) {
                long ticket = ++requested;
                notifyAll();
                while (durable < ticket) {
                    if (failure != null) {
                        throw new DurabilityException(failure);
                    }
                    if (closed) {
                        throw new IllegalStateException("group sync closed before the commit was durable");
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Commits waiting for a flush. */
    synchronized long waiting() {
        return requested - durable;
    }

    /** How many flushes ran (each covering one or more commits). */
    public synchronized long flushes() {
        return flushes;
    }

    private void run() {
        while (true) {
            long target;
            synchronized (this) {
                while (requested == durable && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (requested == durable) {
                    return;
                }
                target = requested;
            }
            try {
                flush.flushAndSync();
            } catch (Exception e) {
                // First the failure action (in production: stop the server), so no waiter can carry on before it.
                onFailure.accept(e);
                synchronized (this) {
                    failure = e;
                    notifyAll();
                }
                return;
            }
            synchronized (this) {
                durable = target;
                flushes++;
                notifyAll();
            }
        }
    }

    /** Flushes what is still waiting, then stops the flusher thread. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        flusher.join();
    }
}
