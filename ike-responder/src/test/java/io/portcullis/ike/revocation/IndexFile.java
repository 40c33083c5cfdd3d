package io.portcullis.ike.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The openssl CA database ({@code index.txt}) that both {@code openssl ocsp} and {@code openssl ca -gencrl} read. */
final class IndexFile {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder lines = new StringBuilder();
    private final Path dir;

    IndexFile(Path dir) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("index.txt.attr"), "unique_subject = no\n");
    }

    IndexFile valid(X509Certificate c) {
        return line("V", c, "");
    }

    IndexFile revoked(X509Certificate c) {
        return line("R", c, TIME.format(Instant.now().minusSeconds(60)) + ",keyCompromise");
    }

    private IndexFile line(String status, X509Certificate c, String revocation) {
        lines.append(status).append('\t').append(TIME.format(c.getNotAfter().toInstant())).append('\t').append(revocation)
                .append('\t').append(hex(c.getSerialNumber())).append("\tunknown\t/")
                .append(c.getSubjectX500Principal().getName().replace(",", "/")).append('\n');
        return this;
    }

    void write() throws IOException {
        Files.writeString(dir.resolve("index.txt"), lines);
    }

    private static String hex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }
}
