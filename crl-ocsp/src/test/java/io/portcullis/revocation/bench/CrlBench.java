package io.portcullis.revocation.bench;

import io.portcullis.ca.hierarchy.CaHierarchyFactory;
import io.portcullis.ca.hierarchy.CaHierarchySpec;
import io.portcullis.ca.hierarchy.GeneratedHierarchy;
import io.portcullis.ca.hierarchy.PkiUrls;
import io.portcullis.ca.keys.KeyAlgorithm;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.SoftwareCaSigner;
import io.portcullis.revocation.crl.CrlBuilder;
import io.portcullis.revocation.crl.CrlUrls;
import io.portcullis.revocation.crl.RevokedCertificateReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * 1,000,000-entry CRL: Portcullis' streaming builder (the exact classes the server runs, reading
 * an H2 database over JDBC) against {@code openssl ca -gencrl} over an index.txt holding the same
 * serials, dates and reasons, signed by the same P-256 issuing CA key. Run by bin/bench-revocation
 * in a JVM with -Xmx1g; prints wall times, the ratio and the peak heap.
 *
 * <p>Arguments: [entries] [work directory].
 */
public final class CrlBench {

    private static final DateTimeFormatter OPENSSL_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private record Timed(CrlBuilder.Built built, double seconds) {
    }

    private static Timed build(Connection connection, CaSigner signer, int entries, Instant now) throws Exception {
        long start = System.nanoTime();
        CrlBuilder.Built built = new CrlBuilder(new RevokedCertificateReader(connection)).full(
                new CrlBuilder.Spec("issuing", CrlUrls.of(PkiUrls.forPublicBase("http://pki.example.net"), "issuing"), 1, now,
                        now.plusSeconds(86_400)), signer, entries);
        return new Timed(built, (System.nanoTime() - start) / 1e9);
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/crl-bench"));
        GeneratedHierarchy ca = new CaHierarchyFactory(Clock.systemUTC(), new SecureRandom())
                .create(new CaHierarchySpec(CaHierarchySpec.DEFAULT_ROOT_DN, KeyAlgorithm.EC_P256, CaHierarchySpec.years(20),
                        CaHierarchySpec.DEFAULT_ISSUING_DN, KeyAlgorithm.EC_P256, CaHierarchySpec.years(10),
                        PkiUrls.forPublicBase("http://pki.example.net")));
        CaSigner signer = new SoftwareCaSigner(ca.issuing().keyPair().getPrivate(), ca.issuingChain());
        Path db = dir.resolve("bench");
        Files.deleteIfExists(dir.resolve("bench.mv.db"));
        String url = "jdbc:h2:file:" + db.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        Instant now = Instant.now();
        try (Connection connection = DriverManager.getConnection(url, "bench", "")) {
            schema(connection);
            long generated = System.nanoTime();
            generate(connection, dir.resolve("index.txt"), entries, now);
            System.out.printf("data: %,d revoked certificates written to H2 and index.txt in %.1f s%n", entries,
                    (System.nanoTime() - generated) / 1e9);
            openssl(dir, ca);

            // The first build in this JVM runs partly interpreted; a server builds its CRLs again at
            // every half-life and after every revocation, so its steady state is the second build.
            connection.setAutoCommit(false);
            double cold = build(connection, signer, entries, now).seconds();
            resetPeaks();
            Timed warm = build(connection, signer, entries, now);
            double ours = warm.seconds();
            CrlBuilder.Built built = warm.built();
            connection.commit();
            Files.write(dir.resolve("portcullis.crl"), built.der());
            long peakHeap = peakHeap();

            long start = System.nanoTime();
            Process process = new ProcessBuilder("openssl", "ca", "-gencrl", "-config", "openssl.cnf", "-out", "openssl.crl")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("openssl ca -gencrl failed: " + output);
            }
            double theirs = (System.nanoTime() - start) / 1e9;
            System.out.printf("portcullis: %,d entries, %,d bytes DER, %.2f s (read from H2 + encode + sign; first build in this JVM"
                    + " %.2f s), peak heap %d MiB (max %d MiB)%n",
                    built.entries(), built.der().length, ours, cold, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("openssl ca -gencrl: %,d bytes PEM, %.2f s (parse index.txt + build + sign + PEM)%n",
                    Files.size(dir.resolve("openssl.crl")), theirs);
            System.out.printf("time ratio portcullis/openssl: %.2f (first build in this JVM: %.2f)%n", ours / theirs, cold / theirs);
        }
    }

    private static void schema(Connection connection) throws IOException, java.sql.SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            for (String script : List.of("db/migration/V1__ca_core.sql", "db/migration/V100__crl_ocsp.sql")) {
                String sql = new String(CrlBench.class.getClassLoader().getResourceAsStream(script).readAllBytes(), StandardCharsets.UTF_8);
                for (String statement : sql.replaceAll("(?m)--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            s.execute("insert into certificate_authority (id, subject_dn, serial_hex, key_algorithm, certificate_der, keystore,"
                    + " not_before, not_after, created_at) values ('issuing', 'CN=bench', '1', 'ec-p256', X'00', X'00',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
    }

    /** The same revoked set into the certificate table and into openssl's index.txt. */
    private static void generate(Connection connection, Path index, int entries, Instant now) throws Exception {
        Random random = new Random(20260301);
        String[] reasons = {"keyCompromise", "superseded", "cessationOfOperation", "affiliationChanged", "unspecified"};
        OffsetDateTime notAfter = OffsetDateTime.ofInstant(now.plusSeconds(365L * 86_400), ZoneOffset.UTC);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("insert into certificate (serial_hex, issuer_id, status, profile,"
                + " subject_dn, san_text, not_before, not_after, requested_by, issued_at, revoked_at, revocation_reason)"
                + " values (?, 'issuing', 'REVOKED', 'ike-gateway', 'CN=x', '', ?, ?, 'bench', ?, ?, ?)");
                var out = Files.newBufferedWriter(index)) {
            OffsetDateTime notBefore = OffsetDateTime.ofInstant(now.minusSeconds(400L * 86_400), ZoneOffset.UTC);
            for (int i = 0; i < entries; i++) {
                String serial = new BigInteger(128, random).setBit(127).toString(16);
                Instant revoked = now.minusSeconds(random.nextInt(300 * 86_400)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                String reason = reasons[random.nextInt(reasons.length)];
                insert.setString(1, serial);
                insert.setObject(2, notBefore);
                insert.setObject(3, notAfter);
                insert.setObject(4, notBefore);
                insert.setObject(5, OffsetDateTime.ofInstant(revoked, ZoneOffset.UTC));
                insert.setString(6, reason);
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                    connection.commit();
                }
                out.write("R\t" + OPENSSL_TIME.format(notAfter) + "\t" + OPENSSL_TIME.format(revoked) + "," + reason
                        + "\t" + serial.toUpperCase(Locale.ROOT) + "\tunknown\t/CN=x\n");
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** A minimal openssl ca setup over the same issuing CA key and certificate. */
    private static void openssl(Path dir, GeneratedHierarchy ca) throws IOException {
        Files.writeString(dir.resolve("ca.pem"), PemCodec.toPem(ca.issuing().certificate()));
        String key = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ca.issuing().keyPair().getPrivate().getEncoded());
        Files.writeString(dir.resolve("ca.key"), "-----BEGIN PRIVATE KEY-----\n" + key + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("index.txt.attr"), "unique_subject = no\n");
        Files.writeString(dir.resolve("crlnumber"), "01\n");
        Files.writeString(dir.resolve("openssl.cnf"), String.join("\n",
                "[ ca ]", "default_ca = bench", "[ bench ]", "dir = .", "database = ./index.txt", "certificate = ./ca.pem",
                "private_key = ./ca.key", "crlnumber = ./crlnumber", "default_crl_days = 1", "default_md = sha256",
                "crl_extensions = crl_ext", "[ crl_ext ]", "authorityKeyIdentifier = keyid:always", ""));
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}
