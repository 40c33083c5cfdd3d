package io.portcullis.ike.keymat;

import static io.portcullis.ike.crypto.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.crypto.PrfAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * Key expansion against NSS's self-generated IKEv1 vectors (gtests/common/testvectors/
 * ike-sha1-vectors.h and ike-sha256-vectors.h, cases 11-16, "ikeV1AppB" and "ikeV1AppBQuick"):
 * an independent implementation (PKCS#11 mechanisms CKM_NSS_IKE1_APP_B_PRF_DERIVE), not a
 * published standard vector. The Quick Mode cases use the one-octet seed 0x00.
 */
class KeyExpansionTest {

    private static final byte[] SHA1_KEY = hex("63e81194946ebd05df7df5ebf5d8750056bf1f1d");
    private static final byte[] SHA256_KEY = hex("5f00d1bd2c58ec224b1e6b71fa0f19a1faa7a193952c444411b47c1a9d8ba6fe");

    @Test
    void appendixBExpansionMatchesNssForSha1() {
        assertThat(KeyExpansion.phase1EncryptionKey(PrfAlgorithm.HMAC_SHA1, SHA1_KEY, 132)).isEqualTo(hex(
                "933347a07de5782247dd36d1562ffe0eecade1eb4134165257e3af1000af8ae3f16506382"
                        + "8cbb60d910b7db38fa3c7f62c4afaaf3203da065c841729853edb23e9e7ac8286ae65c8cb"
                        + "6c667d79268c0bd6705abb9131698eb822b1c1f9dd142fc7be2c1010ee0152e10195add98"
                        + "999c6b6d42c8fe9c1b134d56ad5f2c6f20e815bd25c52"));
        assertThat(KeyExpansion.phase1EncryptionKey(PrfAlgorithm.HMAC_SHA1, SHA1_KEY, 40)).isEqualTo(hex(
                "933347a07de5782247dd36d1562ffe0eecade1eb4134165257e3af1000af8ae3f165063828cbb60d"));
    }

    @Test
    void appendixBExpansionMatchesNssForSha256() {
        assertThat(KeyExpansion.phase1EncryptionKey(PrfAlgorithm.HMAC_SHA2_256, SHA256_KEY, 132)).isEqualTo(hex(
                "b10fff32cbeaa1e7afe6ab0b191e0bd63cd524849a4b56019146d232a24cf9af6b89494d2"
                        + "a360b06825db8bb0324c15cecf47fc0bc99e39bf1171a7f4bf1733dc49ef64c642e73b054"
                        + "b2e82456e34fa3c822da475e27e403b3da3929da50e6aa9e7f9252c68fa069b4b0edd374e"
                        + "80d35378c4f5e8ec285a1b169c92bbb5353d05ba94165"));
    }

    @Test
    void appendixBUsesSkeyidEItselfWhenLongEnough() {
        assertThat(KeyExpansion.phase1EncryptionKey(PrfAlgorithm.HMAC_SHA1, SHA1_KEY, 15))
                .isEqualTo(hex("63e81194946ebd05df7df5ebf5d875"));
        assertThat(KeyExpansion.phase1EncryptionKey(PrfAlgorithm.HMAC_SHA2_256, SHA256_KEY, 32)).isEqualTo(SHA256_KEY);
    }

    @Test
    void quickModeKeymatExpansionFeedsBackThePreviousBlockAndTheSeed() {
        byte[] seed = {0};
        assertThat(KeyExpansion.keymat(PrfAlgorithm.HMAC_SHA1, SHA1_KEY, seed, 132)).isEqualTo(hex(
                "933347a07de5782247dd36d1562ffe0eecade1ebaeaa476a5f578c34a9b2b7101a621202f"
                        + "61db924c5ef9efa3bb2698095841603b7ac8a880329a927ecd4ad53a944b607a5ac2f3d15"
                        + "4e2748c188d7370d76be83fc204fdacf0f66b99dd760ba619ffac65eda1420c8a936dac5a"
                        + "599afaf4043b29ef2b65dc042724355b550875316c6fd"));
        assertThat(KeyExpansion.keymat(PrfAlgorithm.HMAC_SHA2_256, SHA256_KEY, seed, 132)).isEqualTo(hex(
                "b10fff32cbeaa1e7afe6ab0b191e0bd63cd524849a4b56019146d232a24cf9af59f18ed9a"
                        + "abbb2dbbafecf48d72a34a8f72fab2ff4f37e5c917288a78ce00933612e9531a7469995c7"
                        + "f7cc33c7627cac3efbc819330c4fe3bfa3788799630f37bcb74800d82bbebd17b1906e304"
                        + "a786f4f810c266c15be1a30576039c293272748d65966"));
    }

    @Test
    void quickModeKeymatShorterThanOneBlockIsTheTruncatedFirstBlock() {
        assertThat(KeyExpansion.keymat(PrfAlgorithm.HMAC_SHA1, SHA1_KEY, new byte[] {0}, 15))
                .isEqualTo(hex("933347a07de5782247dd36d1562ffe"));
    }
}
