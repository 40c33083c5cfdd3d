package io.portcullis.ca.issuance;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/** The outcome of issuance: the certificate and its chain (issuing CA first, root last). */
public record IssuedCertificate(BigInteger serial, X509CertificateHolder certificate, List<X509CertificateHolder> chain) {
}
