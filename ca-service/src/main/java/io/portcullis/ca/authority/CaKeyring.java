package io.portcullis.ca.authority;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.keys.EncryptedKeyStore;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.SoftwareCaSigner;
import io.portcullis.ca.store.CaRecord;
import io.portcullis.ca.store.CaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The CA signers of this process, decrypted from their key stores once, on first use. Nothing
 * outside ca-service gets a private key: consumers receive a {@link CaSigner}.
 */
@ApplicationScoped
public class CaKeyring {

    private final CaRepository cas;
    private final KeystorePassword keystorePassword;
    private volatile Loaded loaded;

    public CaKeyring(CaRepository cas, KeystorePassword keystorePassword) {
        this.cas = cas;
        this.keystorePassword = keystorePassword;
    }

    private record Loaded(CaSigner root, CaSigner issuing) {
    }

    public CaSigner issuing() {
        return load().issuing();
    }

    public CaSigner root() {
        return load().root();
    }

    /** Issuing CA first, root last. */
    public List<X509CertificateHolder> chain() {
        return issuing().chain();
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = QuarkusTransaction.joiningExisting().call(this::read);
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded read() {
        CaRecord root = cas.findById(CaIds.ROOT);
        CaRecord issuing = cas.findById(CaIds.ISSUING);
        if (root == null || issuing == null) {
            throw new PortcullisException(ProblemKind.UNAVAILABLE, "ca-not-initialised",
                    "the CA hierarchy has not been created yet");
        }
        char[] password = keystorePassword.get();
        try {
            return new Loaded(signer(root, password), signer(issuing, password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static CaSigner signer(CaRecord record, char[] password) {
        return SoftwareCaSigner.fromKeyStoreEntry(EncryptedKeyStore.fromBytes(record.keystore, password, CaBootstrapper.KEY_ALIAS));
    }
}
