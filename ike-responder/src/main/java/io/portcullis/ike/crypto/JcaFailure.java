package io.portcullis.ike.crypto;

import java.security.GeneralSecurityException;

/**
 * Turns a JCA failure that cannot be caused by peer input into a clear platform error.
 *
 * <p>Every algorithm used here (HMAC-SHA1/SHA2, SHA-1/SHA2, AES and DESede in CBC/NoPadding,
 * RSA/ECB/PKCS1Padding, EC key agreement on P-256/P-384) is required of, or shipped with, every
 * Java 17 runtime. If one is missing or rejects a key we built ourselves, the runtime is broken
 * and no notify to the peer would help.
 */
final class JcaFailure {

    private JcaFailure() {
    }

    static IllegalStateException platform(String what, GeneralSecurityException cause) {
        return new IllegalStateException("JCA cannot perform " + what + " (this Java runtime lacks a standard algorithm)", cause);
    }
}
