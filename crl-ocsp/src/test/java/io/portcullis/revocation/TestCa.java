package io.portcullis.revocation;

import io.portcullis.ca.hierarchy.CaHierarchyFactory;
import io.portcullis.ca.hierarchy.CaHierarchySpec;
import io.portcullis.ca.hierarchy.GeneratedHierarchy;
import io.portcullis.ca.hierarchy.PkiUrls;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.SoftwareCaSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** A real root + issuing CA, generated once per test JVM, with signers as the server has them. */
public final class TestCa {

    public static final PkiUrls URLS = PkiUrls.forPublicBase("http://pki.example.test");
    public static final GeneratedHierarchy HIERARCHY = new CaHierarchyFactory(Clock.systemUTC(), new SecureRandom())
            .create(CaHierarchySpec.defaults(URLS));
    public static final CaSigner ISSUING = new SoftwareCaSigner(HIERARCHY.issuing().keyPair().getPrivate(), HIERARCHY.issuingChain());
    public static final CaSigner ROOT = new SoftwareCaSigner(HIERARCHY.root().keyPair().getPrivate(),
            List.of(HIERARCHY.root().certificate()));

    private TestCa() {
    }
}
