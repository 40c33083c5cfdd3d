package io.portcullis.enrollment.scep;

import io.portcullis.ca.keys.BcProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;

/** The pkcsPKIEnvelope (RFC 8894 §3.2.2): CMS EnvelopedData with RSA key transport. */
public final class ScepEnvelope {

    /** Content ciphers accepted and answered with; single DES and RC2 are refused as badAlg. */
    static final Set<ASN1ObjectIdentifier> CIPHERS = Set.of(NISTObjectIdentifiers.id_aes128_CBC, NISTObjectIdentifiers.id_aes192_CBC,
            NISTObjectIdentifiers.id_aes256_CBC, PKCSObjectIdentifiers.des_EDE3_CBC);

    public record Opened(byte[] content, ASN1ObjectIdentifier cipher) {
    }

    private ScepEnvelope() {
    }

    public static Opened open(byte[] envelope, PrivateKey raKey) {
        if (envelope == null || envelope.length == 0) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, "the pkiMessage carries no pkcsPKIEnvelope");
        }
        if (BerNesting.deeperThan(envelope, BerNesting.MAX_DEPTH)) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, "the pkcsPKIEnvelope nests deeper than " + BerNesting.MAX_DEPTH + " levels");
        }
        CMSEnvelopedData enveloped;
        try {
            enveloped = new CMSEnvelopedData(envelope);
        } catch (Exception e) {
            throw new ScepFailure(FailInfo.BAD_REQUEST, "the pkcsPKIEnvelope is not a CMS EnvelopedData: " + e.getMessage());
        }
        ASN1ObjectIdentifier cipher = new ASN1ObjectIdentifier(enveloped.getEncryptionAlgOID());
        if (!CIPHERS.contains(cipher)) {
            throw new ScepFailure(FailInfo.BAD_ALG, "content encryption " + cipher + " is not accepted; use AES (or 3DES)");
        }
        Collection<RecipientInformation> recipients = enveloped.getRecipientInfos().getRecipients();
        for (RecipientInformation recipient : recipients) {
            try {
                return new Opened(recipient.getContent(new JceKeyTransEnvelopedRecipient(raKey).setProvider(BcProvider.INSTANCE)), cipher);
            } catch (Exception notForUs) {
                // try the next recipient; none left means the message was not encrypted to the RA
            }
        }
        throw new ScepFailure(FailInfo.BAD_MESSAGE_CHECK, "the pkcsPKIEnvelope cannot be decrypted with the RA key (encrypt to the RA certificate from GetCACert)");
    }

    public static byte[] seal(byte[] content, X509Certificate recipient, ASN1ObjectIdentifier cipher) {
        try {
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient).setProvider(BcProvider.INSTANCE));
            return generator.generate(new CMSProcessableByteArray(content),
                    new JceCMSContentEncryptorBuilder(cipher).setProvider(BcProvider.INSTANCE).build()).getEncoded();
        } catch (Exception e) {
            throw new ScepFailure(FailInfo.BAD_ALG, "cannot encrypt the response to the requester's key: " + e.getMessage());
        }
    }
}
