package io.portcullis.ike.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ike.esp.EspTransform.Integrity;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Transform arithmetic, KEYMAT split and SA/database setup rules. */
class SecurityAssociationSetupTest {

    @Test
    void keymatLengthsFollowRfc4106AndRfc4868() {
        assertThat(EspTransform.aesGcm16(128).keymatBytes()).isEqualTo(20);   // RFC 4106 §8.1
        assertThat(EspTransform.aesGcm16(256).keymatBytes()).isEqualTo(36);
        assertThat(EspTransform.aesCbc(128, Integrity.HMAC_SHA1_96).keymatBytes()).isEqualTo(16 + 20);
        assertThat(EspTransform.aesCbc(256, Integrity.HMAC_SHA2_512_256).keymatBytes()).isEqualTo(32 + 64);
    }

    @Test
    void keymatIsSplitEncryptionKeyThenSaltThenIntegrityKey() {
        byte[] km = new byte[40];
        for (int i = 0; i < km.length; i++) {
            km[i] = (byte) i;
        }
        EspKeys gcm = EspKeys.fromKeymat(EspTransform.aesGcm16(128), km);
        assertThat(gcm.encryptionKey()).hasSize(16).startsWith(0).endsWith(15);
        assertThat(gcm.salt()).containsExactly(16, 17, 18, 19);
        assertThat(gcm.integrityKey()).isEmpty();
        EspKeys cbc = EspKeys.fromKeymat(EspTransform.aesCbc(128, Integrity.HMAC_SHA1_96), km);
        assertThat(cbc.integrityKey()).hasSize(20).startsWith(16).endsWith(35);
        assertThat(cbc.toString()).doesNotContain("0, 1, 2");
        assertThatThrownBy(() -> EspKeys.fromKeymat(EspTransform.aesCbc(256, Integrity.HMAC_SHA2_256_128), km))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gcmWithIntegrityAndCbcWithoutAreRefused() {
        assertThatThrownBy(() -> new EspTransform(EspTransform.Encryption.AES_GCM_16, 16, Integrity.HMAC_SHA1_96))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EspTransform.aesCbc(128, Integrity.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EspTransform.aesGcm16(64)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reservedSpisAreRefused() {
        assertThatThrownBy(() -> SecurityAssociation.inbound(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityAssociation.outbound(255)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SecurityAssociation.inbound(256)).isNotNull();
        assertThat(SecurityAssociation.inbound(0xFFFF_FFFF)).isNotNull();
    }

    @Test
    void duplicateInboundSpiIsRefusedAndRemovalFreesIt() throws Exception {
        SaDatabase db = new SaDatabase();
        Fixtures.Pair a = Fixtures.pair(EspTransform.aesGcm16(128), 0x7000, Clock.systemUTC());
        Fixtures.Pair b = Fixtures.pair(EspTransform.aesGcm16(128), 0x7000, Clock.systemUTC());
        db.install(a.in());
        assertThatThrownBy(() -> db.install(b.in())).isInstanceOf(IllegalArgumentException.class);
        assertThat(db.inbound(0x7000)).containsSame(a.in());
        assertThat(db.remove(b.in())).as("only the installed instance is removed").isFalse();
        assertThat(db.remove(a.in())).isTrue();
        db.install(b.in());
        assertThat(db.inbound(0x7000)).containsSame(b.in());
    }

    @Test
    void missingKeymatOrSelectorsFailAtBuildNotPerPacket() {
        assertThatThrownBy(() -> SecurityAssociation.inbound(0x9000).transform(EspTransform.aesGcm16(128))
                .selectors(Fixtures.PEER_NET, Fixtures.GATEWAY_NET).clock(Clock.systemUTC()).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("keymat");
        assertThatThrownBy(() -> SecurityAssociation.outbound(0x9000)
                .transform(EspTransform.aesCbc(128, Integrity.HMAC_SHA1_96))
                .keymat(new byte[36]).selectors(Fixtures.GATEWAY_NET, Fixtures.PEER_NET).clock(Clock.systemUTC()).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("random");
    }
}
