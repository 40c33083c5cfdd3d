package io.portcullis.ike.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.isakmp.IdType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayIdentityTest {

    @Test
    void fqdnIsLowerCasedAndBecomesAnFqdnPayloadAndCommonName() {
        GatewayIdentity id = GatewayIdentity.parse("fqdn:GW.Example.NET");
        assertThat(id.kind()).isEqualTo(GatewayIdentity.Kind.FQDN);
        assertThat(id.payload().idType()).isEqualTo(IdType.FQDN);
        assertThat(id.payload().text()).isEqualTo("gw.example.net");
        assertThat(id.subjectDn()).isEqualTo("CN=gw.example.net");
        assertThat(id).hasToString("fqdn:gw.example.net");
    }

    @Test
    void addressesBecomeAddressPayloads() {
        assertThat(GatewayIdentity.parse("ipv4:192.0.2.1").payload().idType()).isEqualTo(IdType.IPV4_ADDR);
        assertThat(GatewayIdentity.parse("ipv6:2001:db8::1").payload().idType()).isEqualTo(IdType.IPV6_ADDR);
        assertThat(GatewayIdentity.parse("ipv4:192.0.2.1").payload().firstAddress().getHostAddress()).isEqualTo("192.0.2.1");
    }

    @Test
    void distinguishedNameIsNormalisedAndBecomesTheSubject() {
        GatewayIdentity id = GatewayIdentity.parse("CN=gw, O=Example");
        assertThat(id.kind()).isEqualTo(GatewayIdentity.Kind.DN);
        assertThat(id.subjectDn()).isEqualTo("CN=gw,O=Example");
        assertThat(id.payload().idType()).isEqualTo(IdType.DER_ASN1_DN);
    }

    @Test
    void mailboxBecomesUserFqdn() {
        assertThat(GatewayIdentity.parse("email:vpn@example.net").payload().idType()).isEqualTo(IdType.USER_FQDN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gw.example.net", "fqdn:", "fqdn:bad_host!", "fqdn:-leading.example", "ipv4:192.0.2.256",
            "ipv4:192.0.2.0/24", "ipv4:2001:db8::1", "ipv6:192.0.2.1", "ipv4:gw.example.net", "email:nobody",
            "CN", "=", "dns:gw.example.net"})
    void unusableValuesAreRefusedWithTheFormsNamed(String text) {
        assertThatThrownBy(() -> GatewayIdentity.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portcullis.ike.id").hasMessageContaining("fqdn:gw.example.net");
    }
}
