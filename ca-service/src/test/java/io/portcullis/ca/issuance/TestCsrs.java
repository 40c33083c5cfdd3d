package io.portcullis.ca.issuance;

import io.portcullis.ca.keys.BcProvider;
import io.portcullis.ca.keys.KeyAlgorithm;
import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** CSRs built the way a real client builds them, with Bouncy Castle's JCA builder. */
public final class TestCsrs {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final KeyPair EC_P256 = KeyAlgorithm.EC_P256.generate(RANDOM);
    public static final KeyPair RSA_2048 = KeyAlgorithm.RSA_2048.generate(RANDOM);

    private TestCsrs() {
    }

    public static PKCS10CertificationRequest ec(String subject, GeneralName... sans) {
        return build(EC_P256, "SHA256withECDSA", new X500Name(subject), sans);
    }

    public static PKCS10CertificationRequest rsa(String subject, GeneralName... sans) {
        return build(RSA_2048, "SHA256withRSA", new X500Name(subject), sans);
    }

    public static PKCS10CertificationRequest build(KeyPair keys, String signatureAlgorithm, X500Name subject, GeneralName... sans) {
        try {
            JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic());
            if (sans.length > 0) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            return builder.build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BcProvider.INSTANCE).build(keys.getPrivate()));
        } catch (IOException | OperatorCreationException e) {
            throw new AssertionError("test CSR could not be built", e);
        }
    }

    public static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    public static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    public static GeneralName email(String address) {
        return new GeneralName(GeneralName.rfc822Name, address);
    }

    public static GeneralName uri(String uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
    }
}
