package io.portcullis.ike.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;

/**
 * JCA engines kept per thread and algorithm. A handshake makes dozens of PRF, hash and cipher
 * calls; looking the provider up for each ({@code getInstance}) cost more than some of the
 * operations themselves. Engines are not thread-safe, so each thread has its own; every caller
 * (re)initialises the engine before use, which resets whatever state an earlier use left.
 */
public final class JcaInstances {

    private static final ThreadLocal<Map<String, Cipher>> CIPHERS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<String, MessageDigest>> DIGESTS = ThreadLocal.withInitial(HashMap::new);

    private JcaInstances() {
    }

    /** This thread's cipher for the transformation; the caller must {@code init} it. */
    public static Cipher cipher(String transformation) throws NoSuchAlgorithmException, NoSuchPaddingException {
        Map<String, Cipher> ciphers = CIPHERS.get();
        Cipher cipher = ciphers.get(transformation);
        if (cipher == null) {
            cipher = Cipher.getInstance(transformation);
            ciphers.put(transformation, cipher);
        }
        return cipher;
    }

    /** This thread's MAC for the algorithm; the caller must {@code init} it. */
    public static Mac mac(String algorithm) throws NoSuchAlgorithmException {
        Map<String, Mac> macs = MACS.get();
        Mac mac = macs.get(algorithm);
        if (mac == null) {
            mac = Mac.getInstance(algorithm);
            macs.put(algorithm, mac);
        }
        return mac;
    }

    /** This thread's digest for the algorithm, reset. */
    public static MessageDigest digest(String algorithm) throws NoSuchAlgorithmException {
        Map<String, MessageDigest> digests = DIGESTS.get();
        MessageDigest digest = digests.get(algorithm);
        if (digest == null) {
            digest = MessageDigest.getInstance(algorithm);
            digests.put(algorithm, digest);
        }
        digest.reset();
        return digest;
    }
}
