package io.portcullis.enrollment.scep;

import io.portcullis.ca.keys.BcProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

/**
 * Reads a pkiMessage: SignedData → signer certificate and authenticated attributes → signature
 * check → pkcsPKIEnvelope bytes. Anything that leaves no transactionID or senderNonce to answer to
 * is {@link Unreadable} (the HTTP layer answers 400); later problems (signature, algorithm, time)
 * are carried in {@link PkiMessage#problem()} so the answer can be a CertRep FAILURE.
 */
public final class PkiMessageReader {

    public static final int MAX_BYTES = 128 * 1024;
    static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384,
            NISTObjectIdentifiers.id_sha512);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofHours(24);

    /** Not a SCEP message at all. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private final Clock clock;

    public PkiMessageReader(Clock clock) {
        this.clock = clock;
    }

    public PkiMessage read(byte[] der) {
        if (der == null || der.length == 0 || der.length > MAX_BYTES) {
            throw new Unreadable("the PKIOperation message is empty or larger than " + MAX_BYTES + " bytes");
        }
        if (BerNesting.deeperThan(der, BerNesting.MAX_DEPTH)) {
            throw new Unreadable("the PKIOperation message nests deeper than " + BerNesting.MAX_DEPTH + " levels");
        }
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new Unreadable("the PKIOperation message is not a CMS SignedData: " + e.getMessage());
        }
        try {
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new Unreadable("a pkiMessage has exactly one signer; this one has " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            AttributeTable attributes = signer.getSignedAttributes();
            if (attributes == null) {
                throw new Unreadable("the pkiMessage has no authenticated attributes");
            }
            String transactionId = string(attributes, ScepOids.TRANSACTION_ID);
            byte[] senderNonce = octets(attributes, ScepOids.SENDER_NONCE);
            String type = string(attributes, ScepOids.MESSAGE_TYPE);
            if (transactionId == null || senderNonce == null || type == null || transactionId.isEmpty() || transactionId.length() > 128) {
                throw new Unreadable("the pkiMessage lacks a transactionID (1-128 characters), senderNonce or messageType");
            }
            MessageType messageType = MessageType.parse(type);
            X509CertificateHolder signerCertificate = signerCertificate(signed, signer);
            byte[] envelope = content(signed);
            ASN1ObjectIdentifier digest = signer.getDigestAlgorithmID().getAlgorithm();
            Optional<ScepFailure> problem = check(signer, signerCertificate, digest, attributes);
            return new PkiMessage(messageType, transactionId, senderNonce, signerCertificate, digest, envelope, problem);
        } catch (Unreadable e) {
            throw e;
        } catch (RuntimeException e) {
            // BC reads signer infos, attributes and certificates lazily and signals bad structure with
            // assorted runtime exceptions (fuzzing found IllegalArgumentException in getSignedAttributes)
            throw new Unreadable("the pkiMessage's signer information cannot be read: " + e.getMessage());
        }
    }

    private Optional<ScepFailure> check(SignerInformation signer, X509CertificateHolder certificate, ASN1ObjectIdentifier digest,
            AttributeTable attributes) {
        if (certificate == null) {
            return Optional.of(new ScepFailure(FailInfo.BAD_MESSAGE_CHECK, "the signer's certificate is not in the message"));
        }
        if (!DIGESTS.contains(digest)) {
            return Optional.of(new ScepFailure(FailInfo.BAD_ALG, "digest algorithm " + digest + " is not accepted; use SHA-256, SHA-384 or SHA-512"));
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BcProvider.INSTANCE).build(certificate))) {
                return Optional.of(new ScepFailure(FailInfo.BAD_MESSAGE_CHECK, "the message signature does not verify"));
            }
        } catch (Exception e) {
            return Optional.of(new ScepFailure(FailInfo.BAD_MESSAGE_CHECK, "the message signature cannot be verified: " + e.getMessage()));
        }
        Attribute signingTime = attributes.get(CMSAttributes.signingTime);
        if (signingTime != null) {
            try {
                Instant at = Time.getInstance(signingTime.getAttrValues().getObjectAt(0)).getDate().toInstant();
                if (Duration.between(at, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
                    return Optional.of(new ScepFailure(FailInfo.BAD_TIME, "signingTime " + at + " is more than 24 hours from the server's time"));
                }
            } catch (RuntimeException e) {
                return Optional.of(new ScepFailure(FailInfo.BAD_TIME, "signingTime cannot be read"));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static X509CertificateHolder signerCertificate(CMSSignedData signed, SignerInformation signer) {
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches((Selector<X509CertificateHolder>) (Selector<?>) signer.getSID());
        return matches.isEmpty() ? null : matches.iterator().next();
    }

    private static byte[] content(CMSSignedData signed) {
        if (signed.getSignedContent() instanceof CMSProcessableByteArray bytes) {
            return (byte[]) bytes.getContent();
        }
        Object content = signed.getSignedContent() == null ? null : signed.getSignedContent().getContent();
        return content instanceof byte[] b ? b : null;
    }

    private static String string(AttributeTable attributes, ASN1ObjectIdentifier oid) {
        ASN1Encodable value = single(attributes, oid);
        return value instanceof ASN1String s ? s.getString() : null;
    }

    private static byte[] octets(AttributeTable attributes, ASN1ObjectIdentifier oid) {
        ASN1Encodable value = single(attributes, oid);
        return value instanceof ASN1OctetString o ? o.getOctets() : null;
    }

    private static ASN1Encodable single(AttributeTable attributes, ASN1ObjectIdentifier oid) {
        Attribute attribute = attributes.get(oid);
        return attribute == null || attribute.getAttrValues().size() != 1 ? null : attribute.getAttrValues().getObjectAt(0);
    }
}
