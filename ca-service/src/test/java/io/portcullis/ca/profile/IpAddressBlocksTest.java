package io.portcullis.ca.profile;

import static io.portcullis.ca.issuance.TestCsrs.dns;
import static io.portcullis.ca.profile.ProfileFixtures.details;
import static io.portcullis.ca.profile.ProfileFixtures.extension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.hierarchy.TestHierarchy;
import io.portcullis.ca.issuance.TestCsrs;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class IpAddressBlocksTest {

    private static String hex(IpAddressBlocks blocks) throws Exception {
        return HexFormat.of().formatHex(blocks.toExtensionValue().getEncoded("DER"));
    }

    @Test
    void encodesRfc3779ExampleStylePrefixes() throws Exception {
        // 10.5.0.0/16 -> BIT STRING 03 03 00 0a 05; family 0001.
        assertThat(hex(IpAddressBlocks.parse(List.of("10.5.0.0/16"))))
                .isEqualTo("300d" + "300b" + "04020001" + "3005" + "0303000a05");
        // A /0 is an empty bit string; a /25 keeps 7 pad bits.
        assertThat(hex(IpAddressBlocks.parse(List.of("0.0.0.0/0")))).isEqualTo("300b" + "3009" + "04020001" + "3003" + "030100");
        assertThat(hex(IpAddressBlocks.parse(List.of("192.0.2.128/25")))).endsWith("030507c0000280");
    }

    @Test
    void sortsMergesAndPutsIpv4BeforeIpv6() {
        IpAddressBlocks blocks = IpAddressBlocks.parse(List.of("2001:db8::/32", "198.51.100.128/25", "198.51.100.0/25",
                "10.0.0.0/8", "10.1.0.0/16"));
        assertThat(blocks.texts()).containsExactly("10.0.0.0/8", "198.51.100.0/24", "2001:db8:0:0:0:0:0:0/32");
    }

    @Test
    void nonPrefixMergeBecomesARangeWithTrimmedBounds() throws Exception {
        IpAddressBlocks blocks = IpAddressBlocks.parse(List.of("10.0.0.0/24", "10.0.1.0/25"));
        assertThat(blocks.texts()).containsExactly("10.0.0.0-10.0.1.127");
        // min 10.0.0.0 keeps 7 bits (0000101, trailing zeros dropped): 03 02 01 0a;
        // max 10.0.1.127 keeps 25 bits (trailing ones dropped): 03 05 07 0a 00 01 00.
        assertThat(hex(blocks)).contains("300b" + "0302010a" + "0305070a000100");
    }

    @Test
    void refusesHostBitsBadLengthsAndNames() {
        assertThatThrownBy(() -> IpAddressBlocks.parse(List.of("10.0.0.1/24")))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-subnet");
                    assertThat(e.detail()).contains("did you mean 10.0.0.0/24");
                });
        for (String bad : List.of("10.0.0.0/33", "example.net/24", "10.1/16", "::1/129", "10.0.0.0/x", "")) {
            assertThatThrownBy(() -> IpAddressBlocks.parse(List.of(bad))).as(bad).isInstanceOf(PortcullisException.class);
        }
        assertThatThrownBy(() -> IpAddressBlocks.parse(List.of())).isInstanceOf(PortcullisException.class);
    }

    @Test
    void ikeGatewayWritesCriticalExtensionOnlyWhenGiven() {
        ProfileRegistry registry = ProfileRegistry.standard();
        var csr = TestCsrs.ec("CN=gw1", dns("gw1.example.org"));
        CertificateDraft without = registry.get("ike-gateway").apply(ProfileFixtures.input(csr));
        assertThat(extension(without, IpAddressBlocks.OID)).isNull();

        IpAddressBlocks blocks = IpAddressBlocks.parse(List.of("203.0.113.0/24"));
        CertificateDraft with = registry.get("ike-gateway").apply(new ProfileInput(details(csr), ProfileFixtures.NOW,
                Optional.empty(), TestHierarchy.DEFAULT.issuing().certificate(), TestHierarchy.URLS, Optional.of(blocks)));
        Extension ext = extension(with, IpAddressBlocks.OID);
        assertThat(ext.isCritical()).isTrue();
        assertThat(ext.getParsedValue()).isEqualTo(blocks.toExtensionValue());
    }

    @Test
    void scepRaProfileHasSignatureAndEnciphermentAndNoEku() {
        CertificateDraft draft = ProfileRegistry.standard().get("scep-ra")
                .apply(ProfileFixtures.input(TestCsrs.rsa("CN=Portcullis SCEP RA")));
        assertThat(KeyUsage.getInstance(extension(draft, Extension.keyUsage).getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        assertThat(extension(draft, Extension.extendedKeyUsage)).isNull();
    }
}
