package io.portcullis.enrollment.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.CsrDetails;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

class PeerIdentityTest {

    private static CsrDetails csr(String subject, GeneralName... sans) {
        return new CsrDetails(null, new X500Name(subject), null, List.of(sans));
    }

    private static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    @Test
    void normalisesValues() {
        assertThat(PeerIdentity.parse("fqdn", "GW1.Example.NET.").value()).isEqualTo("gw1.example.net");
        assertThat(PeerIdentity.parse("ipv6", "2001:DB8::1").value()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(PeerIdentity.parse("email", "Ops@Example.NET").value()).isEqualTo("Ops@example.net");
        assertThat(PeerIdentity.parse("ipv4", "192.0.2.1").key()).isEqualTo("ipv4:192.0.2.1");
    }

    @Test
    void refusesMalformedIdentities() {
        for (String[] bad : new String[][] { { "fqdn", "not a name" }, { "ipv4", "1.2.3" }, { "ipv4", "::1" }, { "ipv6", "10.0.0.1" },
                { "email", "nobody" }, { "url", "x" }, { "fqdn", "" } }) {
            assertThatThrownBy(() -> PeerIdentity.parse(bad[0], bad[1])).as(String.join(" ", bad)).isInstanceOf(PortcullisException.class);
        }
    }

    @Test
    void fqdnBindsToExactlyThatDnsSanAndCn() {
        PeerIdentity id = PeerIdentity.parse("fqdn", "gw1.example.net");
        assertThat(id.mismatch(csr("CN=gw1.example.net,O=Example", dns("GW1.example.net")))).isEmpty();
        assertThat(id.mismatch(csr("", dns("gw1.example.net")))).isEmpty();
        assertThat(id.mismatch(csr("CN=gw1.example.net", dns("gw2.example.net")))).get().asString().contains("DNS:gw2.example.net");
        assertThat(id.mismatch(csr("CN=gw1.example.net"))).get().asString().contains("no subjectAltName DNS:gw1.example.net");
        assertThat(id.mismatch(csr("CN=other", dns("gw1.example.net")))).get().asString().contains("CN 'other'");
        assertThat(id.mismatch(csr("CN=gw1.example.net", dns("gw1.example.net"), new GeneralName(GeneralName.iPAddress, "192.0.2.1"))))
                .get().asString().contains("IP:192.0.2.1");
    }

    @Test
    void ipIdentityBindsToIpSan() {
        PeerIdentity id = PeerIdentity.parse("ipv4", "192.0.2.7");
        assertThat(id.mismatch(csr("", new GeneralName(GeneralName.iPAddress, "192.0.2.7")))).isEmpty();
        assertThat(id.mismatch(csr("", dns("192.0.2.7")))).isPresent();
    }

    @Test
    void candidateKeysComeFromSansOrTheCn() {
        assertThat(PeerIdentity.candidateKeys(csr("CN=x", dns("gw1.example.net")))).containsExactly("fqdn:gw1.example.net");
        assertThat(PeerIdentity.candidateKeys(csr("CN=gw1.example.net"))).contains("fqdn:gw1.example.net");
    }
}
