package io.portcullis.revocation.crl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.ContentSigner;

/**
 * Writes a version 2 CertificateList (RFC 5280 5.1) incrementally: entries are DER-encoded into
 * one byte buffer as they stream in from the database, and the TBSCertList is fed to the signer
 * in pieces. Bouncy Castle's {@code X509v2CRLBuilder} keeps an ASN.1 object tree per entry, which
 * for a million entries needs several times the memory and time; this class keeps ~50 bytes each.
 *
 * <p>Use once: {@link #add} every entry, then {@link #sign}.
 */
public final class CrlEncoder {

    /** Extension reasonCode (2.5.29.21), non-critical, ENUMERATED value appended by the writer. */
    private static final byte[] REASON_PREFIX = {0x30, 0x0A, 0x06, 0x03, 0x55, 0x1D, 0x15, 0x04, 0x03, 0x0A, 0x01};
    private static final int REASON_SIZE = REASON_PREFIX.length + 1;
    /** Extension invalidityDate (2.5.29.24), non-critical, GeneralizedTime appended by the writer. */
    private static final byte[] INVALIDITY_PREFIX = {0x30, 0x18, 0x06, 0x03, 0x55, 0x1D, 0x18, 0x04, 0x11};
    private static final int INVALIDITY_SIZE = INVALIDITY_PREFIX.length + 17;
    private static final byte[] VERSION_2 = {0x02, 0x01, 0x01};

    private final DerBuffer entries;
    private int count;
    private boolean signed;

    public CrlEncoder(int expectedEntries) {
        this.entries = new DerBuffer(Math.max(64, Math.min(expectedEntries, 20_000_000) * 48));
    }

    public int count() {
        return count;
    }

    public void add(RevokedEntry entry) {
        if (signed) {
            throw new IllegalStateException("CRL already signed");
        }
        String hex = entry.serialHex();
        int serialSize = SerialDer.contentLength(hex);
        int extensions = (entry.reasonCode() == RevokedEntry.NO_REASON ? 0 : REASON_SIZE)
                + (entry.invalidityDate() == null ? 0 : INVALIDITY_SIZE);
        int content = 2 + serialSize + DerBuffer.timeSize(entry.revocationDate())
                + (extensions == 0 ? 0 : DerBuffer.headerSize(extensions) + extensions);
        entries.header(DerBuffer.TAG_SEQUENCE, content);
        entries.header(DerBuffer.TAG_INTEGER, serialSize);
        SerialDer.writeContent(hex, serialSize, entries);
        entries.time(entry.revocationDate());
        if (extensions > 0) {
            entries.header(DerBuffer.TAG_SEQUENCE, extensions);
            if (entry.reasonCode() != RevokedEntry.NO_REASON) {
                entries.write(REASON_PREFIX);
                entries.write(entry.reasonCode());
            }
            if (entry.invalidityDate() != null) {
                entries.write(INVALIDITY_PREFIX);
                entries.generalizedTime(entry.invalidityDate());
            }
        }
        count++;
    }

    /** The fields around the entries. Times are written to the second; nothing defaults to "now". */
    public record Header(X500Name issuer, AlgorithmIdentifier signatureAlgorithm, Instant thisUpdate, Instant nextUpdate,
            Extensions extensions) {
    }

    /** Signs and returns the DER CertificateList. */
    public byte[] sign(Header header, ContentSigner signer) {
        if (signed) {
            throw new IllegalStateException("CRL already signed");
        }
        signed = true;
        try {
            byte[] algorithm = header.signatureAlgorithm().getEncoded(ASN1Encoding.DER);
            DerBuffer prefix = new DerBuffer(512);
            prefix.write(VERSION_2);
            prefix.write(algorithm);
            prefix.write(header.issuer().getEncoded(ASN1Encoding.DER));
            prefix.time(header.thisUpdate());
            prefix.time(header.nextUpdate());
            DerBuffer entriesHeader = new DerBuffer(8);
            if (count > 0) {
                // RFC 5280 5.1.2.6: with no revoked certificates the list is absent, not empty.
                entriesHeader.header(DerBuffer.TAG_SEQUENCE, entries.size());
            }
            DerBuffer extensions = new DerBuffer(512);
            if (header.extensions() != null) {
                byte[] encoded = header.extensions().getEncoded(ASN1Encoding.DER);
                extensions.header(0xA0, encoded.length);
                extensions.write(encoded);
            }
            int entriesSize = count > 0 ? entries.size() : 0;
            long tbsContent = (long) prefix.size() + entriesHeader.size() + entriesSize + extensions.size();
            DerBuffer tbsHeader = new DerBuffer(8);
            tbsHeader.header(DerBuffer.TAG_SEQUENCE, Math.toIntExact(tbsContent));

            try (OutputStream out = signer.getOutputStream()) {
                out.write(tbsHeader.array(), 0, tbsHeader.size());
                out.write(prefix.array(), 0, prefix.size());
                out.write(entriesHeader.array(), 0, entriesHeader.size());
                out.write(entries.array(), 0, entriesSize);
                out.write(extensions.array(), 0, extensions.size());
            }
            byte[] signature = signer.getSignature();
            byte[] signerAlgorithm = signer.getAlgorithmIdentifier().getEncoded(ASN1Encoding.DER);

            DerBuffer tail = new DerBuffer(signerAlgorithm.length + signature.length + 8);
            tail.write(signerAlgorithm);
            tail.header(0x03, signature.length + 1);
            tail.write(0);
            tail.write(signature);
            long total = tbsHeader.size() + tbsContent + tail.size();
            DerBuffer out = new DerBuffer(Math.toIntExact(total + 6));
            out.header(DerBuffer.TAG_SEQUENCE, Math.toIntExact(total));
            out.write(tbsHeader.array(), 0, tbsHeader.size());
            out.write(prefix.array(), 0, prefix.size());
            out.write(entriesHeader.array(), 0, entriesHeader.size());
            out.write(entries.array(), 0, entriesSize);
            out.write(extensions.array(), 0, extensions.size());
            out.write(tail.array(), 0, tail.size());
            return out.size() == out.array().length ? out.array() : out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the CRL", e);
        }
    }
}
