package io.portcullis.ca.signing;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** The ECDSA signature algorithms Portcullis signs or verifies with, and the hash each names. */
final class EcdsaDigests {

    private static final Map<ASN1ObjectIdentifier, Supplier<Digest>> BY_ALGORITHM = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, SHA256Digest::new,
            X9ObjectIdentifiers.ecdsa_with_SHA384, SHA384Digest::new,
            X9ObjectIdentifiers.ecdsa_with_SHA512, SHA512Digest::new);

    private EcdsaDigests() {
    }

    /** A fresh digest for an ECDSA signature algorithm; empty for anything else (SHA-1 included). */
    static Optional<Digest> forAlgorithm(ASN1ObjectIdentifier signatureAlgorithm) {
        Supplier<Digest> digest = BY_ALGORITHM.get(signatureAlgorithm);
        return digest == null ? Optional.empty() : Optional.of(digest.get());
    }
}
