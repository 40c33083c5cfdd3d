package io.portcullis.ca.issuance;

import static io.portcullis.ca.issuance.TestCsrs.dns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.hierarchy.TestHierarchy;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.profile.CertificateDraft;
import io.portcullis.ca.profile.ProfileFixtures;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.ca.signing.CaSigner;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;

class CertificateSigningStepTest {

    private final CaSigner issuing = TestHierarchy.issuingSigner();
    private final CertificateDraft draft = ProfileRegistry.standard().get("ike-gateway")
            .apply(ProfileFixtures.input(TestCsrs.ec("CN=gw1", dns("gw1.example.org"))));
    private final TBSCertificate tbs = new TbsCertificateAssembler().assemble(draft, BigInteger.TEN.pow(30), issuing);

    @Test
    void signedCertificateCarriesTheTbsUnchangedAndVerifiesWithTheJdk() throws Exception {
        X509CertificateHolder certificate = new CertificateSigningStep().sign(tbs, issuing);

        assertThat(certificate.toASN1Structure().getTBSCertificate()).isEqualTo(tbs);
        PemCodec.toJca(certificate).verify(PemCodec.toJca(issuing.certificate()).getPublicKey());
        assertThat(PemCodec.toJca(certificate).getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void aSignatureThatDoesNotVerifyIsNeverReturned() {
        CaSigner faulty = new DelegatingSigner(issuing) {
            @Override
            public ContentSigner newContentSigner() {
                ContentSigner real = issuing.newContentSigner();
                return new ContentSigner() {
                    private final ByteArrayOutputStream ignored = new ByteArrayOutputStream();
                    @Override public AlgorithmIdentifier getAlgorithmIdentifier() { return real.getAlgorithmIdentifier(); }
                    @Override public OutputStream getOutputStream() { return ignored; }
                    // Signs something other than the TBS, like a faulty HSM would.
                    @Override public byte[] getSignature() { return real.getSignature(); }
                };
            }
        };

        assertThatThrownBy(() -> new CertificateSigningStep().sign(tbs, faulty))
                .isInstanceOfSatisfying(PortcullisException.class, e -> {
                    assertThat(e.type()).isEqualTo("signing-failed");
                    assertThat(e.detail()).contains("does not verify");
                });
    }

    @Test
    void aSignerForAnotherAlgorithmThanTheTbsNamesIsRefused() {
        TBSCertificate fromRoot = new TbsCertificateAssembler().assemble(draft, BigInteger.TEN, TestHierarchy.rootSigner());

        assertThatThrownBy(() -> new CertificateSigningStep().sign(fromRoot, issuing))
                .isInstanceOfSatisfying(PortcullisException.class, e -> assertThat(e.type()).isEqualTo("signing-failed"));
    }

    private static class DelegatingSigner implements CaSigner {
        private final CaSigner delegate;

        DelegatingSigner(CaSigner delegate) {
            this.delegate = delegate;
        }

        @Override public X509CertificateHolder certificate() { return delegate.certificate(); }
        @Override public List<X509CertificateHolder> chain() { return delegate.chain(); }
        @Override public AlgorithmIdentifier signatureAlgorithm() { return delegate.signatureAlgorithm(); }
        @Override public ContentSigner newContentSigner() { return delegate.newContentSigner(); }
    }
}
