package io.portcullis.ike.tun;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The few libc calls a TUN device needs, bound with JNA direct mapping (a JNI stub per method, no
 * reflection per call). {@code size_t}/{@code ssize_t} are Java {@code long}: 64-bit Linux only, which
 * {@link TunDevice#open} checks before touching this class.
 */
final class Libc {
    static final int O_RDWR = 0x2;
    static final int O_NONBLOCK = 0x800;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final short POLLIN = 0x1;

    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private Libc() {
    }

    static native int open(String path, int flags);

    static native int close(int fd);

    /** ioctl is variadic; one pointer argument passes the same way as a fixed one on the ABIs we run on. */
    static native int ioctl(int fd, long request, byte[] argument);

    /** Native buffers, not Java arrays: JNA would copy a whole array in and out around every call. */
    static native long read(int fd, com.sun.jna.Pointer buffer, long count);

    static native long write(int fd, com.sun.jna.Pointer buffer, long count);

    /** {@code struct pollfd} as two ints: the fd, then events (low half) and revents (high half), little-endian. */
    static native int poll(int[] fds, long count, int timeoutMillis);

    static int errno() {
        return Native.getLastError();
    }
}
