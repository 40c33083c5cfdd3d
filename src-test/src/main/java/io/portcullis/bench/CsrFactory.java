package io.portcullis.bench;

import io.portcullis.ca.keys.PemCodec;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Builds the benchmark's CSRs before the clock starts, so key generation is not measured. */
public final class CsrFactory {

    private CsrFactory() {
    }

    public static List<String> ecP256(int count) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(ecP256(generator.generateKeyPair(), "gw" + i + ".bench.example.net"));
        }
        return out;
    }

    /** A PEM CSR for {@code keys} with subject CN and DNS SAN {@code host}. */
    static String ecP256(KeyPair keys, String host) throws Exception {
        ExtensionsGenerator ext = new ExtensionsGenerator();
        ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
        return PemCodec.toPem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + host), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
