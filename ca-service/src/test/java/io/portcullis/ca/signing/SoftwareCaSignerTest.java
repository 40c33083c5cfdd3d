package io.portcullis.ca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.hierarchy.CaHierarchyFactory;
import io.portcullis.ca.hierarchy.CaHierarchySpec;
import io.portcullis.ca.hierarchy.GeneratedHierarchy;
import io.portcullis.ca.hierarchy.TestHierarchy;
import io.portcullis.ca.keys.KeyAlgorithm;
import io.portcullis.ca.keys.PemCodec;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.junit.jupiter.api.Test;

class SoftwareCaSignerTest {

    private static final byte[] MESSAGE = "to be signed".getBytes(StandardCharsets.US_ASCII);

    @Test
    void p256IssuingCaSignsWithSha256EcdsaThatTheJdkVerifies() throws Exception {
        CaSigner signer = TestHierarchy.issuingSigner();

        assertThat(new DefaultAlgorithmNameFinder().getAlgorithmName(signer.signatureAlgorithm())).isEqualTo("SHA256WITHECDSA");
        assertThat(jdkVerifies(signer, "SHA256withECDSA", sign(signer))).isTrue();
    }

    @Test
    void p384RootSignsWithSha384Ecdsa() throws Exception {
        CaSigner signer = TestHierarchy.rootSigner();

        assertThat(new DefaultAlgorithmNameFinder().getAlgorithmName(signer.signatureAlgorithm())).isEqualTo("SHA384WITHECDSA");
        assertThat(jdkVerifies(signer, "SHA384withECDSA", sign(signer))).isTrue();
    }

    @Test
    void rsaCaSignsWithSha256Rsa() throws Exception {
        GeneratedHierarchy rsa = new CaHierarchyFactory(Clock.systemUTC(), new SecureRandom()).create(new CaHierarchySpec(
                "CN=RSA Root", KeyAlgorithm.RSA_2048, Duration.ofDays(30), "CN=RSA Issuing", KeyAlgorithm.RSA_2048,
                Duration.ofDays(10), TestHierarchy.URLS));
        CaSigner signer = new SoftwareCaSigner(rsa.issuing().keyPair().getPrivate(), rsa.issuingChain());

        assertThat(new DefaultAlgorithmNameFinder().getAlgorithmName(signer.signatureAlgorithm())).isEqualTo("SHA256WITHRSA");
        assertThat(jdkVerifies(signer, "SHA256withRSA", sign(signer))).isTrue();
    }

    @Test
    void chainIsExposedIssuingFirstRootLast() {
        CaSigner signer = TestHierarchy.issuingSigner();

        assertThat(signer.certificate()).isEqualTo(TestHierarchy.DEFAULT.issuing().certificate());
        assertThat(signer.chain()).containsExactly(TestHierarchy.DEFAULT.issuing().certificate(), TestHierarchy.DEFAULT.root().certificate());
    }

    @Test
    void keyThatDoesNotMatchTheCertificateIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new SoftwareCaSigner(TestHierarchy.DEFAULT.root().keyPair().getPrivate(), TestHierarchy.DEFAULT.issuingChain()))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("signer-misconfigured"));
    }

    @Test
    void chainInTheWrongOrderIsRefused() {
        List<org.bouncycastle.cert.X509CertificateHolder> reversed =
                List.of(TestHierarchy.DEFAULT.root().certificate(), TestHierarchy.DEFAULT.issuing().certificate());
        assertThatThrownBy(() -> new SoftwareCaSigner(TestHierarchy.DEFAULT.root().keyPair().getPrivate(), reversed))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.detail()).contains("out of order"));
    }

    @Test
    void chainWithoutARootIsRefused() {
        List<org.bouncycastle.cert.X509CertificateHolder> issuingOnly = List.of(TestHierarchy.DEFAULT.issuing().certificate());
        assertThatThrownBy(() -> new SoftwareCaSigner(TestHierarchy.DEFAULT.issuing().keyPair().getPrivate(), issuingOnly))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.detail()).contains("does not end in a root"));
    }

    @Test
    void manyThreadsCanSignAtOnce() throws Exception {
        CaSigner signer = TestHierarchy.issuingSigner();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                jobs.add(() -> sign(signer));
            }
            for (Future<byte[]> signature : pool.invokeAll(jobs)) {
                assertThat(jdkVerifies(signer, "SHA256withECDSA", signature.get())).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] sign(CaSigner signer) throws Exception {
        ContentSigner contentSigner = signer.newContentSigner();
        try (OutputStream out = contentSigner.getOutputStream()) {
            out.write(MESSAGE);
        }
        return contentSigner.getSignature();
    }

    private static boolean jdkVerifies(CaSigner signer, String algorithm, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(PemCodec.toJca(signer.certificate()).getPublicKey());
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }
}
