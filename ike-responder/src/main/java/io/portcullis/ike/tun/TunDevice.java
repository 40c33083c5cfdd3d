package io.portcullis.ike.tun;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A Linux TUN device ({@code IFF_TUN | IFF_NO_PI}): every read returns one IP packet, every write
 * injects one. Opened non-blocking so that a reader waits in {@code poll} with a timeout and notices
 * {@link #close()}; under load reads succeed without polling. One reader thread and one writer thread
 * may use it at once (the kernel serialises each queue); the buffers are the callers'.
 */
public final class TunDevice implements io.portcullis.ike.dataplane.PacketDevice {
    /** {@code _IOW('T', 202, int)}. */
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    /** {@code IFNAMSIZ}: 15 characters and the terminating NUL. */
    private static final int IFNAMSIZ = 16;
    /** {@code sizeof(struct ifreq)} on 64-bit Linux. */
    private static final int IFREQ_SIZE = 40;
    private static final int POLL_MILLIS = 250;
    private static final int MAX_PACKET = 65_535;

    private final String name;
    private final int fd;
    private volatile boolean closed;
    private final int[] pollFd = new int[2];
    /** One native buffer per direction (one reader thread, one writer thread); only the packet's bytes are copied. */
    private final com.sun.jna.Memory readBuffer = new com.sun.jna.Memory(MAX_PACKET);
    private final com.sun.jna.Memory writeBuffer = new com.sun.jna.Memory(MAX_PACKET);

    private TunDevice(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    /**
     * Creates (or attaches to) the TUN device {@code requestedName}; the kernel may pick a name when it
     * contains {@code %d}. Needs CAP_NET_ADMIN and {@code /dev/net/tun}.
     */
    public static TunDevice open(String requestedName) throws TunUnavailableException {
        checkName(requestedName);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String model = System.getProperty("sun.arch.data.model", "64");
        if (!os.contains("linux") || !"64".equals(model)) {
            throw new TunUnavailableException("TUN devices need 64-bit Linux (this is " + os + ", " + model + "-bit)");
        }
        int fd;
        try {
            fd = Libc.open("/dev/net/tun", Libc.O_RDWR | Libc.O_NONBLOCK);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new TunUnavailableException("cannot load libc through JNA: " + e.getMessage(), e);
        }
        if (fd < 0) {
            int errno = Libc.errno();
            throw new TunUnavailableException("cannot open /dev/net/tun (" + Errno.describe(errno) + ")");
        }
        byte[] ifreq = new byte[IFREQ_SIZE];
        byte[] nameBytes = requestedName.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(nameBytes, 0, ifreq, 0, nameBytes.length);
        short flags = (short) (IFF_TUN | IFF_NO_PI);
        ifreq[IFNAMSIZ] = (byte) flags; // little-endian short ifr_flags right after the name
        ifreq[IFNAMSIZ + 1] = (byte) (flags >>> 8);
        if (Libc.ioctl(fd, TUNSETIFF, ifreq) < 0) {
            int errno = Libc.errno();
            Libc.close(fd);
            throw new TunUnavailableException("cannot create TUN device " + requestedName + " (TUNSETIFF: "
                    + Errno.describe(errno) + ")");
        }
        int end = 0;
        while (end < IFNAMSIZ && ifreq[end] != 0) {
            end++;
        }
        return new TunDevice(new String(ifreq, 0, end, StandardCharsets.US_ASCII), fd);
    }

    private static void checkName(String name) throws TunUnavailableException {
        if (name == null || name.isEmpty() || name.length() >= IFNAMSIZ || !name.matches("[A-Za-z0-9_.%-]+")
                || name.equals(".") || name.equals("..")) {
            throw new TunUnavailableException("invalid TUN device name '" + name + "': 1-15 characters of A-Z a-z 0-9 _ . - (and %d)");
        }
    }

    /** The interface name the kernel gave the device. */
    @Override
    public String name() {
        return name;
    }

    /**
     * Reads one packet into {@code buffer} from offset 0. Returns its length, 0 when nothing arrived within
     * the poll interval (so the caller can check for shutdown), or -1 once the device is closed.
     */
    @Override
    public int read(byte[] buffer) throws java.io.IOException {
        while (!closed) {
            long n = Libc.read(fd, readBuffer, Math.min(buffer.length, MAX_PACKET));
            if (n >= 0) {
                readBuffer.read(0, buffer, 0, (int) n);
                return (int) n;
            }
            int errno = Libc.errno();
            if (errno == Libc.EAGAIN) {
                pollFd[0] = fd;
                pollFd[1] = Libc.POLLIN;
                int ready = Libc.poll(pollFd, 1, POLL_MILLIS);
                if (ready == 0) {
                    return 0;
                }
                if (ready < 0 && Libc.errno() != Libc.EINTR) {
                    throw new java.io.IOException(name + ": poll failed (" + Errno.describe(Libc.errno()) + ")");
                }
                continue;
            }
            if (errno != Libc.EINTR) {
                if (closed) {
                    break;
                }
                throw new java.io.IOException(name + ": read failed (" + Errno.describe(errno) + ")");
            }
        }
        return -1;
    }

    /**
     * Injects one packet, {@code buffer[0..length)}. False when the kernel refused it (a full queue
     * gives EAGAIN: the packet is dropped, as a router would); the caller counts.
     */
    @Override
    public synchronized boolean write(byte[] buffer, int length) {
        if (closed || length > MAX_PACKET) {
            return false;
        }
        writeBuffer.write(0, buffer, 0, length);
        return Libc.write(fd, writeBuffer, length) == length;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The reader wakes from poll within POLL_MILLIS and sees closed; give it that long before the fd goes.
        try {
            Thread.sleep(POLL_MILLIS + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Libc.close(fd);
    }

    @Override
    public String toString() {
        return "tun:" + name;
    }
}
