package io.portcullis.ca.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;

class PemCodecTest {

    /** Every length around the 48-byte line boundary, and a certificate-sized body. */
    @Test
    void writesWhatBouncyCastlesPemWriterWritesAndReadsBack() throws IOException {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 2, 3, 47, 48, 49, 95, 96, 97, 143, 144, 145, 600, 1234}) {
            byte[] der = new byte[length];
            random.nextBytes(der);

            String ours = PemCodec.pem("CERTIFICATE", der);

            assertEquals(bouncyCastle("CERTIFICATE", der), ours, "length " + length);
            try (PemReader reader = new PemReader(new StringReader(ours))) {
                PemObject read = reader.readPemObject();
                assertEquals("CERTIFICATE", read.getType());
                assertArrayEquals(der, read.getContent(), "length " + length);
            }
        }
    }

    @Test
    void linesAreAtMost64CharactersAndEndWithNewline() {
        String pem = PemCodec.pem("CERTIFICATE REQUEST", new byte[500]);

        assertEquals('\n', pem.charAt(pem.length() - 1));
        pem.lines().forEach(line -> assertTrue(line.length() <= 64 || line.startsWith("-----"), line));
        assertFalse(pem.contains("\r"));
    }

    private static String bouncyCastle(String type, byte[] der) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        }
        return text.toString();
    }
}
