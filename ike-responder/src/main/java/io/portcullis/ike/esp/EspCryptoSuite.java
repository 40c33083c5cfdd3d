package io.portcullis.ike.esp;

import java.security.GeneralSecurityException;

/**
 * The cryptographic half of one SA: fills in the IV, encrypts and appends the ICV; or verifies the
 * ICV and decrypts. Implementations keep one Cipher/Mac per thread so that both cores can work on one
 * SA without locking and without creating JCA objects per packet.
 *
 * <p>Packet layout (RFC 4303 §2): {@code SPI(4) | Seq(4) | IV | ciphertext | ICV}.
 */
interface EspCryptoSuite {

    /**
     * Seals a packet in place. On entry {@code buf[off..off+8)} holds SPI and sequence number and
     * {@code plaintextLength} bytes of payload|padding|pad length|next header start at
     * {@code off + 8 + ivBytes}; room for the ICV follows. On return IV, ciphertext and ICV are filled.
     */
    void seal(long sequence, byte[] buf, int off, int plaintextLength) throws GeneralSecurityException;

    /**
     * Verifies and decrypts a whole ESP packet {@code in[off..off+len)} whose length the caller has
     * already checked against IV, ICV and alignment. Writes the plaintext to {@code out[outOff..)}.
     *
     * @return the plaintext length, or -1 if the ICV does not verify (nothing usable is written then)
     */
    int open(byte[] in, int off, int len, byte[] out, int outOff) throws GeneralSecurityException;

    /** Checks that the provider accepts the keys, so that a bad key fails at SA setup, not per packet. */
    void selfCheck() throws GeneralSecurityException;
}
