package io.portcullis.ca.hierarchy;

import java.security.KeyPair;
import org.bouncycastle.cert.X509CertificateHolder;

/** A freshly generated CA: its key pair (to be stored encrypted at once) and its certificate. */
public record GeneratedCa(KeyPair keyPair, X509CertificateHolder certificate) {
}
