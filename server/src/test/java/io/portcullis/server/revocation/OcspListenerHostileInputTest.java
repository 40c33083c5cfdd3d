package io.portcullis.server.revocation;

import io.portcullis.revocation.listener.OcspListener;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The hostile-input contract against the dedicated OCSP listener (on a free port in tests). */
@QuarkusTest
class OcspListenerHostileInputTest extends OcspHostileInputContract {

    @Inject
    OcspListener listener;

    @Override
    int port() {
        return listener.boundPort().orElseThrow(() -> new AssertionError("the OCSP listener does not run in the test profile"));
    }
}
