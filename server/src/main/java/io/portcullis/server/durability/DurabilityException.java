package io.portcullis.server.durability;

/** A committed transaction could not be made durable: it must not be acknowledged. */
public final class DurabilityException extends RuntimeException {

    public DurabilityException(Exception cause) {
        super("the database could not write committed data to disk: " + cause.getMessage(), cause);
    }
}
