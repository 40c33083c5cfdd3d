package io.portcullis.ca.hierarchy;

import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.SoftwareCaSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** One default hierarchy per test JVM, created at a fixed instant, shared by tests that only read it. */
public final class TestHierarchy {

    public static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");
    public static final PkiUrls URLS = PkiUrls.forPublicBase("https://ca.example.test/");
    public static final SecureRandom RANDOM = new SecureRandom();
    public static final GeneratedHierarchy DEFAULT =
            new CaHierarchyFactory(Clock.fixed(CREATED, ZoneOffset.UTC), RANDOM).create(CaHierarchySpec.defaults(URLS));

    private TestHierarchy() {
    }

    public static CaSigner issuingSigner() {
        return new SoftwareCaSigner(DEFAULT.issuing().keyPair().getPrivate(), DEFAULT.issuingChain(), RANDOM);
    }

    public static CaSigner rootSigner() {
        return new SoftwareCaSigner(DEFAULT.root().keyPair().getPrivate(), java.util.List.of(DEFAULT.root().certificate()), RANDOM);
    }
}
