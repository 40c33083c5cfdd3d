package io.portcullis.server.revocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.revocation.crl.CrlPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.Test;

/**
 * Several CRL writers at once, as several server instances sharing one database would be: each
 * writer thread has its own connection and transaction, so the only things keeping them apart are
 * the database row locks the publisher takes (the crl-writer lock, then the number series row).
 * The suite runs on H2 and, in the pgtest execution, on PostgreSQL, where these are the same row
 * locks two server processes would contend for.
 */
@QuarkusTest
class ConcurrentCrlWritersTest {

    private static final Pattern ISSUED = Pattern.compile("issuing (full|delta) CRL #(\\d+)");
    private static final Pattern ENTRIES = Pattern.compile("^(\\d+) entries");

    @Inject
    CrlPublisher publisher;

    @Test
    void concurrentWritersNeverRepeatANumberNorPublishAStaleListUnderAHigherOne() throws Exception {
        long firstSeq = lastAuditSeq();
        AtomicBoolean revoking = new AtomicBoolean(true);
        List<BigInteger> revoked = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> published = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                published.add(writers.submit(() -> {
                    int crls = 0;
                    while (revoking.get()) {
                        crls += publisher.publishDue(CaIds.ISSUING).size();
                    }
                    return crls;
                }));
            }
            for (int i = 0; i < 6; i++) {
                RevocationApi.Issued issued = RevocationApi.issueGateway("crl-writers-" + i + ".example.net");
                RevocationApi.revoke(issued.serial(), "keyCompromise");
                revoked.add(issued.serial());
            }
            revoking.set(false);
            int total = 0;
            for (Future<Integer> writer : published) {
                total += writer.get();
            }
            assertThat(total).as("CRLs issued by the competing writers").isGreaterThan(0);
        } finally {
            writers.shutdownNow();
        }
        publisher.publishDue(CaIds.ISSUING);

        List<Map<String, Object>> issued = crlAuditEntriesSince(firstSeq);
        long previousNumber = 0;
        long previousFullEntries = -1;
        for (Map<String, Object> entry : issued) {
            Matcher name = ISSUED.matcher((String) entry.get("target"));
            assertThat(name.matches()).as("audit target %s", entry.get("target")).isTrue();
            long number = Long.parseLong(name.group(2));
            assertThat(number).as("CRL numbers in the order they were issued").isGreaterThan(previousNumber);
            previousNumber = number;
            if (name.group(1).equals("full")) {
                Matcher entries = ENTRIES.matcher((String) entry.get("details"));
                assertThat(entries.find()).isTrue();
                long count = Long.parseLong(entries.group(1));
                // Revocations only add entries here; a writer that read an older state but took a
                // newer number would publish fewer.
                assertThat(count).isGreaterThanOrEqualTo(previousFullEntries);
                previousFullEntries = count;
            }
        }
        X509CRLHolder latest = new X509CRLHolder(given().get("/pki/issuing-ca.crl").then().statusCode(200).extract().asByteArray());
        for (BigInteger serial : revoked) {
            assertThat(latest.getRevokedCertificate(serial)).as("serial %s on the latest full CRL", serial.toString(16)).isNotNull();
        }
    }

    private static long lastAuditSeq() {
        List<Map<String, Object>> newest = given().auth().oauth2(RevocationApi.token())
                .queryParam("size", 1).get("/api/v1/audit").then().statusCode(200).extract().path("items");
        return newest.isEmpty() ? 0 : ((Number) newest.get(0).get("seq")).longValue();
    }

    /** Audit entries of issued CRLs after {@code seq}, oldest first (the API pages newest first). */
    private static List<Map<String, Object>> crlAuditEntriesSince(long seq) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = given().auth().oauth2(RevocationApi.token())
                    .queryParam("action", CrlPublisher.AUDIT_CRL_ISSUED).queryParam("page", page).queryParam("size", 100)
                    .get("/api/v1/audit").then().statusCode(200).extract().path("items");
            boolean older = false;
            for (Map<String, Object> item : items) {
                if (((Number) item.get("seq")).longValue() <= seq) {
                    older = true;
                    break;
                }
                if (((String) item.get("target")).startsWith("issuing ")) {
                    found.add(0, item);
                }
            }
            if (older || items.isEmpty()) {
                return found;
            }
        }
    }
}
