package io.portcullis.ike.dataplane;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An in-memory packet device: the test offers packets "from the host" and takes what the plane wrote. */
final class QueueDevice implements PacketDevice {
    final BlockingQueue<byte[]> fromHost = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    @Override
    public int read(byte[] buffer) throws java.io.IOException {
        if (closed) {
            return -1;
        }
        try {
            byte[] p = fromHost.poll(50, TimeUnit.MILLISECONDS);
            if (p == null) {
                return closed ? -1 : 0;
            }
            System.arraycopy(p, 0, buffer, 0, p.length);
            return p.length;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public boolean write(byte[] buffer, int length) {
        return toHost.offer(Arrays.copyOf(buffer, length));
    }

    byte[] delivered() throws InterruptedException {
        return toHost.poll(5, TimeUnit.SECONDS);
    }

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public void close() {
        closed = true;
    }

}
