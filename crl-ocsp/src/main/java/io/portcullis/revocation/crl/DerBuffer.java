package io.portcullis.revocation.crl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * An append-only byte buffer with the few DER primitives a CRL needs. Large CRLs are written
 * straight into it, entry by entry, instead of building one object per entry first: a million
 * entries then cost about 50 MB of bytes rather than several hundred MB of ASN.1 objects.
 * Not thread-safe; one buffer per CRL build.
 */
final class DerBuffer {

    static final int TAG_INTEGER = 0x02;
    static final int TAG_OCTET_STRING = 0x04;
    static final int TAG_ENUMERATED = 0x0A;
    static final int TAG_UTC_TIME = 0x17;
    static final int TAG_GENERALIZED_TIME = 0x18;
    static final int TAG_SEQUENCE = 0x30;

    private static final int UTC_TIME_LAST_YEAR = 2049;

    private byte[] bytes;
    private int size;

    DerBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    /** Tag and definite length; the caller writes exactly {@code length} content bytes next. */
    void header(int tag, int length) {
        write(tag);
        if (length < 0x80) {
            write(length);
        } else {
            int octets = lengthOctets(length);
            write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                write(length >>> (8 * i));
            }
        }
    }

    /** Bytes that {@link #header(int, int)} writes for this content length. */
    static int headerSize(int length) {
        return length < 0x80 ? 2 : 2 + lengthOctets(length);
    }

    private static int lengthOctets(int length) {
        return length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
    }

    /**
     * RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, always to the second
     * in UTC. Returns the encoded size so callers can compute enclosing lengths.
     */
    static int timeSize(Instant instant) {
        int year = year(instant);
        return year >= 1950 && year <= UTC_TIME_LAST_YEAR ? 15 : 17;
    }

    void time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() <= UTC_TIME_LAST_YEAR && t.getYear() >= 1950) {
            header(TAG_UTC_TIME, 13);
            digits(t.getYear() % 100, 2);
        } else {
            generalizedTimeBody(t);
            return;
        }
        digits(t.getMonthValue(), 2);
        digits(t.getDayOfMonth(), 2);
        digits(t.getHour(), 2);
        digits(t.getMinute(), 2);
        digits(t.getSecond(), 2);
        write('Z');
    }

    /** GeneralizedTime always (invalidityDate is GeneralizedTime whatever the year, RFC 5280 5.3.2). */
    void generalizedTime(Instant instant) {
        generalizedTimeBody(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC));
    }

    private void generalizedTimeBody(LocalDateTime t) {
        header(TAG_GENERALIZED_TIME, 15);
        digits(t.getYear(), 4);
        digits(t.getMonthValue(), 2);
        digits(t.getDayOfMonth(), 2);
        digits(t.getHour(), 2);
        digits(t.getMinute(), 2);
        digits(t.getSecond(), 2);
        write('Z');
    }

    private void digits(int value, int count) {
        ensure(count);
        for (int i = count - 1; i >= 0; i--) {
            bytes[size + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += count;
    }

    private static int year(Instant instant) {
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC).getYear();
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("CRL larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
