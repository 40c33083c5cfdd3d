package io.portcullis.ike.tun;

/** Names for the errno values a TUN open or ioctl gives, with what the operator can do about them. */
final class Errno {
    private Errno() {
    }

    static String describe(int errno) {
        return switch (errno) {
            case 1 -> "EPERM: needs CAP_NET_ADMIN (run as root, or setcap cap_net_admin+ep on the java binary)";
            case 2 -> "ENOENT: no /dev/net/tun (load the tun module, or pass the device into the container)";
            case 13 -> "EACCES: no permission on /dev/net/tun";
            case 16 -> "EBUSY: the device name is in use by another TUN owner";
            case 19 -> "ENODEV: the kernel has no TUN support";
            case 22 -> "EINVAL: invalid device name or flags";
            default -> "errno " + errno;
        };
    }
}
