package io.portcullis.ca.profile;

/**
 * Turns a validated request into the content of a certificate. A profile decides everything a
 * requester cannot: validity, key usage, EKU, revocation pointers and which requested names are
 * copied. It never signs and never talks to storage.
 */
public interface CertificateProfile {

    String name();

    CertificateDraft apply(ProfileInput input);
}
