package io.portcullis.revocation.crl;

import io.portcullis.ca.signing.CaSigner;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Builds and signs one CRL from the database through a {@link CaSigner} (the only way to sign).
 * Plain Java, so the benchmark runs exactly this code outside the server.
 */
public final class CrlBuilder {

    private final RevokedCertificateReader reader;

    public CrlBuilder(RevokedCertificateReader reader) {
        this.reader = reader;
    }

    /** What to build: number, validity and where it is published. Times are cut to the second. */
    public record Spec(String issuerId, CrlUrls urls, long number, Instant thisUpdate, Instant nextUpdate) {

        public Spec {
            thisUpdate = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
            nextUpdate = nextUpdate.truncatedTo(ChronoUnit.SECONDS);
            if (!nextUpdate.isAfter(thisUpdate)) {
                throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
            }
            if (number < 1) {
                throw new IllegalArgumentException("CRL numbers start at 1");
            }
        }
    }

    public record Built(byte[] der, int entries) {
    }

    public Built full(Spec spec, CaSigner signer, int expectedEntries) throws SQLException {
        CrlEncoder encoder = new CrlEncoder(expectedEntries);
        reader.forEachRevoked(spec.issuerId(), spec.thisUpdate(), encoder::add);
        return sign(encoder, spec, signer, CrlExtensionsFactory.full(spec.number(), signer.certificate(), spec.urls()));
    }

    public Built delta(Spec spec, long baseNumber, CaSigner signer) throws SQLException {
        if (baseNumber >= spec.number()) {
            throw new IllegalArgumentException("a delta CRL's base must have a lower number than the delta");
        }
        CrlEncoder encoder = new CrlEncoder(64);
        reader.forEachChangedSince(spec.issuerId(), baseNumber, encoder::add);
        return sign(encoder, spec, signer, CrlExtensionsFactory.delta(spec.number(), baseNumber, signer.certificate(), spec.urls()));
    }

    private static Built sign(CrlEncoder encoder, Spec spec, CaSigner signer, org.bouncycastle.asn1.x509.Extensions extensions) {
        CrlEncoder.Header header = new CrlEncoder.Header(signer.certificate().getSubject(), signer.signatureAlgorithm(),
                spec.thisUpdate(), spec.nextUpdate(), extensions);
        return new Built(encoder.sign(header, signer.newContentSigner()), encoder.count());
    }
}
