package io.portcullis.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients repeating one request against a server until it is killed. A request counts as
 * acknowledged only when its complete answer arrived; requests cut off by the kill (connection reset,
 * refused, timed out) are not, exactly as for a real client.
 *
 * @param <T> what an acknowledged request returns (e.g. the certificate received)
 */
public final class Burst<T> {

    /** One request of one client; returns null when the answer was a refusal rather than an acknowledgement. */
    @FunctionalInterface
    public interface Request<T> {
        T send(int client, int attempt) throws Exception;
    }

    private final ConcurrentLinkedQueue<T> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> cutOff = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    private Burst() {
    }

    public static <T> Burst<T> start(int clients, Request<T> request) {
        Burst<T> burst = new Burst<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(() -> burst.run(client, request), "burst-client-" + i);
            thread.setDaemon(true);
            burst.clients.add(thread);
            thread.start();
        }
        return burst;
    }

    private void run(int client, Request<T> request) {
        for (int attempt = 0; !stopped.get(); attempt++) {
            try {
                T result = request.send(client, attempt);
                if (result != null) {
                    acknowledged.add(result);
                }
            } catch (Exception cutOffOrRefused) {
                // The server died under the request (or was not answering yet): nothing was acknowledged.
                if (cutOffOrRefused instanceof InterruptedException) {
                    return;
                }
                if (unanswered.incrementAndGet() <= 20) {
                    cutOff.add(cutOffOrRefused.toString());
                }
            }
        }
    }

    /**
     * Waits for the first acknowledgement, so that a kill timed from here lands in a burst that is
     * under way (a freshly started server answers its first requests slowly).
     */
    public void awaitFirstAcknowledgement(java.time.Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (acknowledged.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no request acknowledged within " + within + "; failures: " + cutOff);
            }
            Thread.sleep(5);
        }
    }

    /** Stops the clients (after the kill) and returns every acknowledged result, in arrival order. */
    public List<T> stop() throws InterruptedException {
        stopped.set(true);
        for (Thread client : clients) {
            client.join(60_000);
            if (client.isAlive()) {
                throw new AssertionError(client.getName() + " still waits for an answer a minute after the kill");
            }
        }
        return new ArrayList<>(acknowledged);
    }

    /** The first 20 requests that failed without an answer (after the kill: connection reset or refused). */
    public List<String> cutOff() {
        return new ArrayList<>(cutOff);
    }

    /**
     * How many requests failed without an answer: those the kill cut off, and the attempts that met a
     * closed port between the kill and {@link #stop()}.
     */
    public int unanswered() {
        return unanswered.get();
    }
}
