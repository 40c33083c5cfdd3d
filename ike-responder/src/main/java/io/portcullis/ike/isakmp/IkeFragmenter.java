package io.portcullis.ike.isakmp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an encoded message into IKEv1 fragment messages the way strongSwan does: each
 * fragment message copies the cookies, version, exchange type and message ID of the original,
 * has no flags (its content is the already encrypted original, header included), and carries
 * one fragment payload numbered from 1, the last one flagged LAST. All but the last fragment
 * are full-size.
 *
 * <p>{@code maxDatagramSize} is the ISAKMP message size (the UDP payload). strongSwan's
 * {@code fragment_size} setting counts the IP packet instead: its default of 1280 gives
 * 1252-byte messages over IPv4 (minus 20 IP and 8 UDP bytes), and on port 4500 the UDP adapter
 * must also leave room for the 4-byte non-ESP marker.
 */
public final class IkeFragmenter {

    /** ISAKMP header, generic payload header, and the fragment payload's fixed fields. */
    public static final int OVERHEAD = IsakmpHeader.LENGTH + 4 + FragmentPayload.FIXED_BODY;
    private static final int MAX_FRAGMENTS = 255;

    private IkeFragmenter() {
    }

    /**
     * @param encodedMessage a complete message as produced by {@link IsakmpEncoder}
     * @param fragmentId the ID shared by all fragments of this message
     * @return the fragment datagrams in order; a single one when the message is small
     */
    public static List<byte[]> fragment(byte[] encodedMessage, int maxDatagramSize, int fragmentId) {
        int chunk = maxDatagramSize - OVERHEAD;
        if (chunk < 1) {
            throw new IllegalArgumentException("maxDatagramSize " + maxDatagramSize + " leaves no room for data");
        }
        IsakmpHeader original = headerOf(encodedMessage);
        int count = Math.max(1, (encodedMessage.length + chunk - 1) / chunk);
        if (count > MAX_FRAGMENTS) {
            throw new IllegalArgumentException(count + " fragments needed; the fragment number has 8 bits");
        }
        IsakmpHeader header = original.withFlags(0);
        List<byte[]> datagrams = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            int from = (number - 1) * chunk;
            int length = Math.min(chunk, encodedMessage.length - from);
            FragmentPayload fragment = FragmentPayload.of(fragmentId, number, number == count,
                    Bytes.of(encodedMessage, from, length));
            datagrams.add(IsakmpEncoder.encode(IsakmpMessage.of(header, fragment)));
        }
        return datagrams;
    }

    private static IsakmpHeader headerOf(byte[] encodedMessage) {
        try {
            return new IsakmpDecoder().decodeHeader(encodedMessage);
        } catch (IsakmpDecodeException e) {
            // our own encoder produced the input, so this is a programming error, not peer input
            throw new IllegalArgumentException("not an encoded ISAKMP message: " + e.getMessage(), e);
        }
    }
}
