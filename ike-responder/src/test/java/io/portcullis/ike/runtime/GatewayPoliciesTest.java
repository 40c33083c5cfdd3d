package io.portcullis.ike.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.crypto.BlockCipherAlgorithm;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as SmallRye maps them (properties and environment variables), and what they make of the policy. */
class GatewayPoliciesTest {

    private static IkeSettings settings(Map<String, String> properties, Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(IkeSettings.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(new EnvConfigSource(environment, 300)).build();
        return config.getConfigMapping(IkeSettings.class);
    }

    @Test
    void defaultsAreOnStandardPortsStrictStrongAndBoundEverywhere() {
        IkeSettings s = settings(Map.of(), Map.of());
        assertThat(s.enabled()).isTrue();
        assertThat(s.port()).isEqualTo(500);
        assertThat(s.nattPort()).isEqualTo(4500);
        assertThat(s.address()).isEmpty();
        assertThat(GatewayPolicies.revocation(s)).isEqualTo(GatewayPolicies.RevocationMode.STRICT);
        GatewayPolicy policy = GatewayPolicies.policy(s);
        assertThat(policy.acceptsPrf(PrfAlgorithm.HMAC_SHA1)).isFalse();
        assertThat(policy.acceptsCipher(BlockCipherAlgorithm.TRIPLE_DES_CBC, 24)).isFalse();
        assertThat(policy.acceptsIkeGroup(2)).isFalse();
        assertThat(policy.acceptsEsp(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA1_96))).isFalse();
        assertThat(policy.acceptsPrf(PrfAlgorithm.HMAC_SHA2_256)).isTrue();
        assertThat(policy.protectedSubnets()).isEmpty();
        assertThat(GatewayPolicies.eku(s)).isEqualTo(EkuPolicy.ikeOrTls());
        assertThat(s.revocationClient().ocspCacheSize()).isEqualTo(1024);
        assertThat(GatewayPolicies.limits(s).maxHalfOpenPerSource()).isEqualTo(16);
        assertThat(GatewayPolicies.dpd(s)).isEqualTo(new io.portcullis.ike.exchange.DpdPolicy(Duration.ofSeconds(30),
                Duration.ofSeconds(150)));
    }

    @Test
    void dpdDelayAndTimeoutComeFromTheEnvironmentAndZeroDelayIsPassive() {
        IkeSettings s = settings(Map.of(), Map.of("PORTCULLIS_IKE_DPD_DELAY", "PT5S", "PORTCULLIS_IKE_DPD_TIMEOUT", "PT10S"));
        assertThat(GatewayPolicies.dpd(s)).isEqualTo(new io.portcullis.ike.exchange.DpdPolicy(Duration.ofSeconds(5),
                Duration.ofSeconds(10)));
        assertThat(GatewayPolicies.dpd(settings(Map.of("portcullis.ike.dpd-delay", "PT0S"), Map.of())).active()).isFalse();
        assertThatThrownBy(() -> GatewayPolicies.dpd(settings(Map.of("portcullis.ike.dpd-timeout", "PT0S"), Map.of())))
                .hasMessageContaining("portcullis.ike.dpd-delay / dpd-timeout");
    }

    @Test
    void environmentVariablesOfTheReadmeReachTheSettings() {
        IkeSettings s = settings(Map.of(), Map.of("PORTCULLIS_IKE_ENABLED", "false", "PORTCULLIS_IKE_PORT", "10500",
                "PORTCULLIS_IKE_NATT_PORT", "14500", "PORTCULLIS_IKE_ID", "ipv4:192.0.2.1",
                "PORTCULLIS_IKE_SUBNETS", "198.51.100.0/24,2001:db8::/32", "PORTCULLIS_IKE_ADDRESS", "192.0.2.1",
                "PORTCULLIS_IKE_ALGORITHMS_ALLOW_WEAK", "true", "PORTCULLIS_IKE_REVOCATION", "soft",
                "PORTCULLIS_IKE_REVOCATION_CLIENT_OCSP_CACHE_SIZE", "7"));
        assertThat(s.enabled()).isFalse();
        assertThat(s.port()).isEqualTo(10500);
        assertThat(s.nattPort()).isEqualTo(14500);
        assertThat(s.id()).contains("ipv4:192.0.2.1");
        assertThat(s.address()).contains("192.0.2.1");
        assertThat(GatewayPolicies.protectedSubnets(s)).containsExactly(IpPrefix.parse("198.51.100.0/24"),
                IpPrefix.parse("2001:db8::/32"));
        assertThat(GatewayPolicies.revocation(s)).isEqualTo(GatewayPolicies.RevocationMode.SOFT);
        assertThat(s.revocationClient().ocspCacheSize()).isEqualTo(7);
        assertThat(s.algorithms().allowWeak()).isTrue();
    }

    @Test
    void allowingWeakAlgorithmsAddsThemToTheListsAndTheFlag() {
        GatewayPolicy policy = GatewayPolicies.policy(settings(Map.of("portcullis.ike.algorithms.allow-weak", "true",
                "portcullis.ike.algorithms.child-lifetime", "PT30M"), Map.of()));
        assertThat(policy.acceptsPrf(PrfAlgorithm.HMAC_SHA1)).isTrue();
        assertThat(policy.acceptsCipher(BlockCipherAlgorithm.TRIPLE_DES_CBC, 24)).isTrue();
        assertThat(policy.acceptsIkeGroup(2)).isTrue();
        assertThat(policy.acceptsEsp(EspTransform.aesCbc(128, EspTransform.Integrity.HMAC_SHA1_96))).isTrue();
        assertThat(policy.phase2().childLifetime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void unknownEkuRevocationOrSubnetValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> GatewayPolicies.eku(settings(Map.of("portcullis.ike.eku", "whatever"), Map.of())))
                .hasMessageContaining("portcullis.ike.eku");
        assertThatThrownBy(() -> GatewayPolicies.revocation(settings(Map.of("portcullis.ike.revocation", "lax"), Map.of())))
                .hasMessageContaining("portcullis.ike.revocation");
        assertThatThrownBy(() -> GatewayPolicies.protectedSubnets(settings(Map.of("portcullis.ike.subnets", "198.51.100.0/33"), Map.of())))
                .hasMessageContaining("portcullis.ike.subnets");
        assertThat(GatewayPolicies.eku(settings(Map.of("portcullis.ike.eku", "unchecked"), Map.of()))).isEqualTo(EkuPolicy.none());
        assertThat(GatewayPolicies.protectedSubnets(settings(Map.of("portcullis.ike.subnets", ""), Map.of()))).isEqualTo(List.of());
    }
}
