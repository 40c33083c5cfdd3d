package io.portcullis.ca.issuance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Renders subjectAltNames as searchable, human-readable text: {@code dns:gw1.example.net ip:192.0.2.1}. */
public final class SanText {

    private SanText() {
    }

    public static List<String> render(Extensions extensions) {
        List<String> out = new ArrayList<>();
        GeneralNames names = extensions == null ? null : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        if (names == null) {
            return out;
        }
        for (GeneralName name : names.getNames()) {
            out.add(render(name));
        }
        return out;
    }

    public static String render(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "dns:" + ((ASN1String) name.getName()).getString();
            case GeneralName.rfc822Name -> "email:" + ((ASN1String) name.getName()).getString();
            case GeneralName.uniformResourceIdentifier -> "uri:" + ((ASN1String) name.getName()).getString();
            case GeneralName.iPAddress -> "ip:" + ip(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.directoryName -> "dn:" + X500Name.getInstance(name.getName());
            default -> "other:" + name.getTagNo();
        };
    }

    private static String ip(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            // Only thrown for an illegal length; show the raw octets rather than hide the name.
            return HexFormat.of().formatHex(octets);
        }
    }
}
