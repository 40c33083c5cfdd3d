package io.portcullis.ca.keys;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.util.PBKDF2Config;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * A CA private key at rest: one PKCS#12 file per key, readable by the JDK, OpenSSL and BC.
 *
 * <p>Why the file is built with Bouncy Castle's {@code PKCS12PfxPduBuilder} and not
 * {@code KeyStore.store}: the JDK 17 PKCS#12 writer lets us choose the key protection per entry
 * ({@code PasswordProtection} with {@code PBEWithHmacSHA256AndAES_256}), but its integrity MAC is
 * only configurable through the JVM-wide {@code keystore.pkcs12.macAlgorithm} /
 * {@code macIterationCount} properties, whose JDK 17 defaults are HmacPBESHA256 with 10,000
 * iterations. The MAC is itself a password oracle, so a 10,000-iteration MAC would cap the cost
 * of guessing the password no matter how many iterations protect the key. Building the PFX
 * ourselves fixes every parameter in this file, for this store only:
 * <ul>
 *   <li>key: PBES2 = PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations, 16-byte salt) +
 *       AES-256-CBC (what the JDK calls {@code PBEWithHmacSHA256AndAES_256});</li>
 *   <li>integrity: PKCS#12 MAC with HMAC-SHA256, {@value #ITERATIONS} iterations;</li>
 *   <li>certificates: stored unencrypted, they are public.</li>
 * </ul>
 * Reading uses the JDK's own PKCS#12 {@link KeyStore}, which proves the file is standard.
 */
public final class EncryptedKeyStore {

    /** OWASP 2023 guidance for PBKDF2-HMAC-SHA256; the key is read once per process start. */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final System.Logger LOG = System.getLogger(EncryptedKeyStore.class.getName());
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private EncryptedKeyStore() {
    }

    /**
     * Writes {@code key} and {@code chain} (leaf first) under {@code alias}. The file is created
     * with mode 0600 before any byte is written, synced, then moved over {@code file} in one
     * atomic rename, so a crash leaves either the old file or the new one, never half a key.
     * An existing file is replaced; callers that must not clobber a key check first.
     */
    public static void write(Path file, char[] password, String alias, PrivateKey key, X509Certificate[] chain) {
        writeAtomically(file, toBytes(password, alias, key, chain, file.toString()));
    }

    /** The same PKCS#12 encoding as {@link #write}, as bytes (the CA keeps its key stores in the database). */
    public static byte[] toBytes(char[] password, String alias, PrivateKey key, X509Certificate[] chain) {
        return toBytes(password, alias, key, chain, "the key store");
    }

    private static byte[] toBytes(char[] password, String alias, PrivateKey key, X509Certificate[] chain, String label) {
        if (password == null || password.length == 0) {
            throw PortcullisException.internal("keystore-password-missing", "refusing to write " + label + " without a password", null);
        }
        if (alias == null || alias.isBlank() || key == null || chain == null || chain.length == 0) {
            throw PortcullisException.internal("keystore-write-failed", "alias, key and a non-empty certificate chain are required to write " + label, null);
        }
        return encode(password, alias, key, chain);
    }

    /** Reads the private key entry {@code alias}, checking the file's integrity MAC first. */
    public static KeyStore.PrivateKeyEntry read(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            return entry(load(in, password, file.toString()), password, alias, file.toString());
        } catch (NoSuchFileException e) {
            throw PortcullisException.internal("keystore-missing", "key store " + file + " does not exist", e);
        } catch (IOException e) {
            throw PortcullisException.internal("keystore-unreadable", "cannot read key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the private key entry {@code alias} from PKCS#12 bytes, checking the integrity MAC first. */
    public static KeyStore.PrivateKeyEntry fromBytes(byte[] pkcs12, char[] password, String alias) {
        try (InputStream in = new java.io.ByteArrayInputStream(pkcs12)) {
            return entry(load(in, password, "the key store"), password, alias, "the key store");
        } catch (IOException e) {
            throw PortcullisException.internal("keystore-unreadable", "cannot read the key store: " + e.getMessage(), e);
        }
    }

    private static KeyStore.PrivateKeyEntry entry(KeyStore store, char[] password, String alias, String label) {
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        try {
            KeyStore.Entry entry = store.getEntry(alias, protection);
            if (entry instanceof KeyStore.PrivateKeyEntry) {
                return (KeyStore.PrivateKeyEntry) entry;
            }
            throw new PortcullisException(ProblemKind.INTERNAL, "keystore-alias-missing",
                    "key store " + label + " has no private key under alias '" + alias + "' (aliases: " + aliases(store) + ")");
        } catch (UnrecoverableKeyException e) {
            throw PortcullisException.internal("keystore-password-wrong",
                    "the password does not decrypt key '" + alias + "' in " + label, e);
        } catch (GeneralSecurityException e) {
            throw PortcullisException.internal("keystore-unreadable", "cannot read key '" + alias + "' from " + label + ": " + e.getMessage(), e);
        } finally {
            destroy(protection);
        }
    }

    private static byte[] encode(char[] password, String alias, PrivateKey key, X509Certificate[] chain) {
        try {
            SecureRandom random = new SecureRandom();
            OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(
                    new PBKDF2Config.Builder()
                            .withPRF(PBKDF2Config.PRF_SHA256)
                            .withIterationCount(ITERATIONS)
                            .withSaltLength(SALT_BYTES)
                            .build(),
                    NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(BcProvider.INSTANCE)
                    .setRandom(random)
                    .build(password);

            // localKeyId ties the key bag to its certificate; friendlyName becomes the alias.
            byte[] localKeyId = MessageDigest.getInstance("SHA-256").digest(chain[0].getPublicKey().getEncoded());
            List<PKCS12SafeBag> certBags = new ArrayList<>();
            for (int i = 0; i < chain.length; i++) {
                PKCS12SafeBagBuilder certBag = new JcaPKCS12SafeBagBuilder(chain[i]);
                if (i == 0) {
                    certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
                    certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(localKeyId));
                }
                certBags.add(certBag.build());
            }
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(localKeyId));

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            for (PKCS12SafeBag certBag : certBags) {
                pfx.addData(certBag);
            }
            pfx.addData(keyBag.build());
            BcPKCS12MacCalculatorBuilder mac = new BcPKCS12MacCalculatorBuilder(
                    new SHA256Digest(), new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE))
                    .setIterationCount(ITERATIONS);
            return pfx.build(mac, password).getEncoded();
        } catch (IOException | GeneralSecurityException | OperatorCreationException | PKCSException | IllegalStateException e) {
            // BC's safe-bag builder reports a failed key encryption as IllegalStateException.
            throw PortcullisException.internal("keystore-write-failed", "cannot encode the PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path file, byte[] content) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions means we cannot promise 0600: refuse rather than write a key world-readable.
            throw PortcullisException.internal("keystore-write-failed",
                    "the file system holding " + target + " does not support POSIX permissions; cannot protect the key", e);
        } catch (AtomicMoveNotSupportedException e) {
            throw PortcullisException.internal("keystore-write-failed", "cannot atomically replace " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw PortcullisException.internal("keystore-write-failed", "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteLeftover(tmp);
        }
    }

    private static void deleteLeftover(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // The write already failed and that failure is being thrown; a leftover 0600 temp
            // file is harmless, so it is recorded on the JVM's error stream rather than hidden.
            LOG.log(System.Logger.Level.WARNING, "could not delete temporary key file " + tmp, e);
        }
    }

    private static KeyStore load(InputStream in, char[] password, String label) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            // The JDK reports a failed integrity MAC (wrong password) as an IOException caused by
            // UnrecoverableKeyException; anything else is a damaged or foreign file.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw PortcullisException.internal("keystore-password-wrong",
                        "the password for key store " + label + " is wrong (integrity check failed)", e);
            }
            throw PortcullisException.internal("keystore-unreadable", "cannot read key store " + label + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw PortcullisException.internal("keystore-unreadable", "cannot read key store " + label + ": " + e.getMessage(), e);
        }
    }

    private static List<String> aliases(KeyStore store) throws GeneralSecurityException {
        return Collections.list(store.aliases());
    }

    private static void destroy(KeyStore.PasswordProtection protection) {
        try {
            protection.destroy();
        } catch (DestroyFailedException e) {
            throw PortcullisException.internal("keystore-unreadable", "could not wipe the password copy", e);
        }
    }
}
