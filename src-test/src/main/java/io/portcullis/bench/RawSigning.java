package io.portcullis.bench;

import io.portcullis.ca.authority.CaBootstrapper;
import io.portcullis.ca.keys.EncryptedKeyStore;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.SoftwareCaSigner;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.operator.ContentSigner;

/**
 * Opens the stopped server's H2 database, decrypts the issuing CA key with the key store
 * password the server was given, and re-signs the TBS part of an issued certificate as fast as
 * the machine allows: the ceiling that REST issuance is compared with.
 */
final class RawSigning {
    static IssuanceBench.SignResult measure(Path data, int seconds, String keystorePassword) throws Exception {
        byte[] keystore;
        byte[] sampleCertificate;
        String url = "jdbc:h2:file:" + data.resolve("db/portcullis") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection db = DriverManager.getConnection(url, "portcullis", "")) {
            keystore = single(db, "select keystore from certificate_authority where id = 'issuing'");
            sampleCertificate = single(db, "select certificate_der from certificate where status = 'VALID' limit 1");
        }
        CaSigner signer = SoftwareCaSigner.fromKeyStoreEntry(
                EncryptedKeyStore.fromBytes(keystore, keystorePassword.toCharArray(), CaBootstrapper.KEY_ALIAS));
        byte[] tbs = Certificate.getInstance(sampleCertificate).getTBSCertificate().getEncoded();

        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong signatures = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    ContentSigner contentSigner = signer.newContentSigner();
                    try (OutputStream out = contentSigner.getOutputStream()) {
                        out.write(tbs);
                    }
                    if (contentSigner.getSignature().length == 0) {
                        throw new IllegalStateException("empty signature");
                    }
                    signatures.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new IssuanceBench.SignResult(signatures.get(), elapsed, threads);
    }

    private static byte[] single(Connection db, String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no row for: " + sql);
            }
            return rows.getBytes(1);
        }
    }
}
