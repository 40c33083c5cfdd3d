package io.portcullis.ike.tun;

/** The TUN device could not be created or configured; the message is the operator's one line. */
public final class TunUnavailableException extends Exception {
    public TunUnavailableException(String message) {
        super(message);
    }

    public TunUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
