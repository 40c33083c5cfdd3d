package io.portcullis.ike.dataplane;

import java.io.IOException;

/**
 * Where inner packets come from and go to: the TUN device in production, an in-memory queue in tests.
 * Packets start at offset 0 of the buffers.
 */
public interface PacketDevice extends AutoCloseable {
    /** One packet into {@code buffer}: its length, 0 after a timeout without one, -1 once closed. */
    int read(byte[] buffer) throws IOException;

    /** Injects {@code buffer[0..length)}; false when the device refused it. */
    boolean write(byte[] buffer, int length);

    String name();

    @Override
    void close();
}
