package io.portcullis.ike.runtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The responder's threads, so the UDP receive threads only read and hand over: one
 * single-threaded lane per IKE SA shard (messages of one IKE SA are processed in order, different
 * IKE SAs in parallel) and a bounded pool for the peer checks of Main Mode message 5, which may
 * wait seconds on an OCSP responder. Every queue is bounded: what does not fit is dropped and
 * counted, as an overloaded UDP service must.
 */
final class IkeWorkers implements AutoCloseable {

    /** Datagrams that may wait per lane before new ones are dropped. */
    private static final int LANE_QUEUE = 2048;

    private final ThreadPoolExecutor[] lanes;
    private final ThreadPoolExecutor authentication;
    private final LongAdder laneOverflows = new LongAdder();

    IkeWorkers(int lanes, int authenticationThreads, int authenticationQueue) {
        if (lanes < 1 || authenticationThreads < 1 || authenticationQueue < 1) {
            throw new IllegalArgumentException("worker counts must be positive");
        }
        this.lanes = new ThreadPoolExecutor[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = pool(1, LANE_QUEUE, "ike-exchange-" + i);
        }
        this.authentication = pool(authenticationThreads, authenticationQueue, "ike-auth");
    }

    private static ThreadPoolExecutor pool(int threads, int queue, String name) {
        AtomicInteger counter = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, threads == 1 ? name : name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    int lanes() {
        return lanes.length;
    }

    /** Runs on the lane of that shard; false (and counted) when its queue is full. */
    boolean onLane(int shard, Runnable task) {
        try {
            lanes[shard % lanes.length].execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            laneOverflows.increment();
            return false;
        }
    }

    /** Runs a peer check; false when the pool and its queue are full (or shut down). */
    boolean authenticate(Runnable task) {
        try {
            authentication.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    long laneOverflows() {
        return laneOverflows.sum();
    }

    @Override
    public void close() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdownNow();
        }
        authentication.shutdownNow();
    }
}
