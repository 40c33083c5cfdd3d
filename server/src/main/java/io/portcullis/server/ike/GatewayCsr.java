package io.portcullis.server.ike;

import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ike.runtime.GatewayIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The PKCS#10 request for the gateway's certificate. The SAN carries the ID so that peers can
 * bind it (RFC 4945 §3.1): dNSName for an FQDN, iPAddress for an address, rfc822Name for a
 * mailbox. A DN ID is bound by the subject; the ike-gateway profile still wants a SAN, so the
 * public URL's host goes in as the dNSName.
 */
final class GatewayCsr {

    private GatewayCsr() {
    }

    static String pem(GatewayIdentity id, KeyPair key, Optional<String> fallbackHost) {
        try {
            JcaPKCS10CertificationRequestBuilder builder =
                    new JcaPKCS10CertificationRequestBuilder(new X500Principal(id.subjectDn()), key.getPublic());
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            List<GeneralName> names = switch (id.kind()) {
                case FQDN -> List.of(new GeneralName(GeneralName.dNSName, id.value()));
                case IPV4, IPV6 -> List.of(new GeneralName(GeneralName.iPAddress, InetAddress.getByName(id.value()).getHostAddress()));
                case EMAIL -> List.of(new GeneralName(GeneralName.rfc822Name, id.value()));
                case DN -> fallbackHost.map(h -> List.of(new GeneralName(GeneralName.dNSName, h))).orElse(List.of());
            };
            if (!names.isEmpty()) {
                extensions.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate());
            return PemCodec.toPem(builder.build(signer));
        } catch (IOException e) {
            // getByName only parses here: the value was checked to be an address literal.
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("SHA256withRSA is always available", e);
        }
    }
}
