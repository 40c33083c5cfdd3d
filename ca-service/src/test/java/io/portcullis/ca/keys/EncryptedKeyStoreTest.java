package io.portcullis.ca.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.hierarchy.TestHierarchy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedKeyStoreTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private final PrivateKey key = TestHierarchy.DEFAULT.issuing().keyPair().getPrivate();
    private final X509Certificate[] chain = {
        PemCodec.toJca(TestHierarchy.DEFAULT.issuing().certificate()),
        PemCodec.toJca(TestHierarchy.DEFAULT.root().certificate())};

    @Test
    void roundTripReturnsTheSameKeyAndChain() {
        Path file = dir.resolve("issuing.p12");
        EncryptedKeyStore.write(file, PASSWORD, "issuing-ca", key, chain);

        KeyStore.PrivateKeyEntry entry = EncryptedKeyStore.read(file, PASSWORD, "issuing-ca");

        assertThat(entry.getPrivateKey().getEncoded()).isEqualTo(key.getEncoded());
        assertThat(entry.getCertificateChain()).containsExactly(chain);
    }

    @Test
    void keyIsProtectedWithPbes2Pbkdf2HmacSha256Aes256AndMacIsHmacSha256() throws IOException {
        Path file = dir.resolve("issuing.p12");
        EncryptedKeyStore.write(file, PASSWORD, "issuing-ca", key, chain);
        Pfx pfx = Pfx.getInstance(Files.readAllBytes(file));

        List<EncryptedPrivateKeyInfo> shroudedKeys = shroudedKeyBags(pfx);
        assertThat(shroudedKeys).hasSize(1);
        var encryption = shroudedKeys.get(0).getEncryptionAlgorithm();
        assertThat(encryption.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(encryption.getParameters());
        assertThat(pbes2.getKeyDerivationFunc().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBKDF2);
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        assertThat(pbkdf2.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
        assertThat(pbkdf2.getIterationCount().intValueExact()).isGreaterThanOrEqualTo(100_000);
        assertThat(pbkdf2.getSalt()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(pbes2.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);

        MacData mac = pfx.getMacData();
        assertThat(mac.getMac().getAlgorithmId().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(mac.getIterationCount().intValueExact()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void fileIsReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("issuing.p12");
        EncryptedKeyStore.write(file, PASSWORD, "issuing-ca", key, chain);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void rewriteReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("issuing.p12");
        EncryptedKeyStore.write(file, PASSWORD, "old", key, chain);
        EncryptedKeyStore.write(file, PASSWORD, "new", key, chain);

        assertThat(EncryptedKeyStore.read(file, PASSWORD, "new").getPrivateKey().getEncoded()).isEqualTo(key.getEncoded());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void wrongPasswordFailsWithDedicatedSlug() {
        Path file = dir.resolve("issuing.p12");
        EncryptedKeyStore.write(file, PASSWORD, "issuing-ca", key, chain);

        assertThatThrownBy(() -> EncryptedKeyStore.read(file, "wrong".toCharArray(), "issuing-ca"))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INTERNAL);
                    assertThat(e.type()).isEqualTo("keystore-password-wrong");
                    assertThat(e.detail()).contains("password").contains(file.toString());
                });
    }

    @Test
    void missingAliasFailsAndNamesTheAliasesPresent() {
        Path file = dir.resolve("issuing.p12");
        EncryptedKeyStore.write(file, PASSWORD, "issuing-ca", key, chain);

        assertThatThrownBy(() -> EncryptedKeyStore.read(file, PASSWORD, "root-ca"))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.type()).isEqualTo("keystore-alias-missing");
                    assertThat(e.detail()).contains("root-ca").contains("issuing-ca");
                });
    }

    @Test
    void missingFileAndGarbageFileFailWithSlugs() throws IOException {
        assertThatThrownBy(() -> EncryptedKeyStore.read(dir.resolve("absent.p12"), PASSWORD, "x"))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("keystore-missing"));
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        assertThatThrownBy(() -> EncryptedKeyStore.read(garbage, PASSWORD, "x"))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("keystore-unreadable"));
    }

    @Test
    void emptyPasswordIsRefused() {
        assertThatThrownBy(() -> EncryptedKeyStore.write(dir.resolve("k.p12"), new char[0], "a", key, chain))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("keystore-password-missing"));
        assertThat(dir.resolve("k.p12")).doesNotExist();
    }

    @Test
    void opensslVerifiesTheMacAndDecryptsTheKey() throws Exception {
        Path file = dir.resolve("issuing.p12");
        EncryptedKeyStore.write(file, PASSWORD, "issuing-ca", key, chain);
        Process openssl = new ProcessBuilder("/usr/bin/openssl", "pkcs12", "-in", file.toString(), "-nodes",
                "-passin", "pass:" + new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(openssl.exitValue()).as(output).isZero();
        assertThat(output).contains("BEGIN PRIVATE KEY").contains("friendlyName: issuing-ca");
    }

    private static List<EncryptedPrivateKeyInfo> shroudedKeyBags(Pfx pfx) {
        List<EncryptedPrivateKeyInfo> result = new ArrayList<>();
        AuthenticatedSafe safe = AuthenticatedSafe.getInstance(ASN1OctetString.getInstance(pfx.getAuthSafe().getContent()).getOctets());
        for (ContentInfo info : safe.getContentInfo()) {
            assertThat(info.getContentType()).as("every safe is plain data; keys are shrouded inside").isEqualTo(PKCSObjectIdentifiers.data);
            ASN1Sequence bags = ASN1Sequence.getInstance(ASN1OctetString.getInstance(info.getContent()).getOctets());
            for (var element : bags) {
                SafeBag bag = SafeBag.getInstance(element);
                assertThat(bag.getBagId()).as("no unencrypted key bag").isNotEqualTo(PKCSObjectIdentifiers.keyBag);
                if (bag.getBagId().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                    result.add(EncryptedPrivateKeyInfo.getInstance(bag.getBagValue()));
                }
            }
        }
        return result;
    }

}
