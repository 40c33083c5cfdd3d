package io.portcullis.revocation.ocsp;

/**
 * A request we answer with {@code malformedRequest}: undecodable, truncated, oversized, or asking
 * for something we do not support. The message is for our log, never sent (the OCSP error
 * response has no room for it).
 */
public final class MalformedOcspRequest extends Exception {

    public MalformedOcspRequest(String message) {
        super(message, null, false, false);
    }
}
