package io.portcullis.server.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GroupSyncTest {

    @Test
    void aCommitWaitsForAFlushThatStartedAfterIt() throws Exception {
        AtomicInteger flushed = new AtomicInteger();
        try (GroupSync sync = new GroupSync(flushed::incrementAndGet, e -> { })) {
            sync.awaitDurable();
            assertThat(flushed.get()).isEqualTo(1);
            sync.awaitDurable();
            assertThat(flushed.get()).isEqualTo(2);
        }
    }

    @Test
    void commitsArrivingDuringAFlushShareTheNextOne() throws Exception {
        CountDownLatch firstFlushEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstFlush = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        GroupSync.Flush flush = () -> {
            if (flushes.incrementAndGet() == 1) {
                firstFlushEntered.countDown();
                releaseFirstFlush.await();
            }
        };
        try (GroupSync sync = new GroupSync(flush, e -> { })) {
            Thread first = new Thread(sync::awaitDurable);
            first.start();
            assertThat(firstFlushEntered.await(10, TimeUnit.SECONDS)).isTrue();
            // Sixteen commits arrive while the first flush runs: they need a flush that starts after them.
            List<Thread> later = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Thread t = new Thread(sync::awaitDurable);
                t.start();
                later.add(t);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sync.waiting() < 17 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(sync.waiting()).isEqualTo(17);
            for (Thread t : later) {
                assertThat(t.isAlive()).as("a commit acknowledged by a flush that started before it").isTrue();
            }
            releaseFirstFlush.countDown();
            first.join(10_000);
            for (Thread t : later) {
                t.join(10_000);
                assertThat(t.isAlive()).isFalse();
            }
            assertThat(sync.flushes()).as("sixteen commits grouped").isEqualTo(2);
        }
    }

    @Test
    void aFailedFsyncIsNeverAcknowledgedNorRetried() throws Exception {
        AtomicReference<Exception> reported = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        GroupSync.Flush failing = () -> {
            attempts.incrementAndGet();
            throw new IOException("EIO");
        };
        try (GroupSync sync = new GroupSync(failing, reported::set)) {
            assertThatThrownBy(sync::awaitDurable).isInstanceOf(DurabilityException.class).hasMessageContaining("EIO");
            assertThatThrownBy(sync::awaitDurable).isInstanceOf(DurabilityException.class);
            assertThat(reported.get()).hasMessage("EIO");
            assertThat(attempts.get()).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedCommitStillWaitsForItsFlush() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger flushed = new AtomicInteger();
        try (GroupSync sync = new GroupSync(() -> {
            release.await();
            flushed.incrementAndGet();
        }, e -> { })) {
            AtomicReference<Boolean> durableWhenReturned = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread committer = new Thread(() -> {
                sync.awaitDurable();
                durableWhenReturned.set(flushed.get() == 1);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            committer.start();
            Thread.sleep(50);
            committer.interrupt();
            Thread.sleep(50);
            assertThat(committer.isAlive()).isTrue();
            release.countDown();
            committer.join(10_000);
            assertThat(durableWhenReturned.get()).isTrue();
            assertThat(stillInterrupted.get()).isTrue();
        }
    }
}
