package io.portcullis.ike.crypto;

/**
 * Our private Diffie-Hellman value, opaque outside this package so it cannot be logged or
 * serialised by accident.
 */
public sealed interface DhPrivate permits ModpGroup.ModpPrivate, EcpGroup.EcpPrivate {

    /** The group this key belongs to. */
    int groupId();

    /**
     * Drops the private value. Java's BigInteger and JCA EC keys cannot be overwritten in
     * place, so this only releases our reference; it still narrows the window in which a heap
     * dump shows the key.
     */
    void destroy();
}
