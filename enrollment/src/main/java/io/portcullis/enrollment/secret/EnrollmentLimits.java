package io.portcullis.enrollment.secret;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.enrollment.EnrollmentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The per-peer and per-client-address limits on failed enrollment attempts. */
@ApplicationScoped
public class EnrollmentLimits {

    private static final int MAX_TRACKED = 100_000;

    private final FailureLimiter perPeer;
    private final FailureLimiter perAddress;

    public EnrollmentLimits(EnrollmentConfig config, Clock clock) {
        this.perPeer = new FailureLimiter(config.maxFailuresPerPeer(), config.failureWindow(), clock, MAX_TRACKED);
        this.perAddress = new FailureLimiter(config.maxFailuresPerAddress(), config.failureWindow(), clock, MAX_TRACKED);
    }

    public void checkAddress(String address) {
        if (address != null && !perAddress.allowed(address)) {
            throw tooMany("too many failed enrollment attempts from " + address + "; retry in "
                    + perAddress.retryAfter(address).toSeconds() + " s");
        }
    }

    public void checkPeer(String peerId, String peerName) {
        if (peerId != null && !perPeer.allowed(peerId)) {
            throw tooMany("too many failed enrollment attempts for peer " + peerName + "; retry in "
                    + perPeer.retryAfter(peerId).toSeconds() + " s");
        }
    }

    public void recordFailure(String peerId, String address) {
        if (peerId != null) {
            perPeer.recordFailure(peerId);
        }
        if (address != null) {
            perAddress.recordFailure(address);
        }
    }

    /** An operator issuing a new secret lifts the peer's block. */
    public void clearPeer(String peerId) {
        perPeer.clear(peerId);
    }

    private static PortcullisException tooMany(String detail) {
        return new PortcullisException(ProblemKind.TOO_MANY_REQUESTS, "too-many-enrollment-failures", detail);
    }
}
