package io.portcullis.revocation.crl;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.revocation.CertificateReleased;
import io.portcullis.ca.revocation.CertificateRevoked;
import io.portcullis.revocation.config.CrlConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs the CRL publisher on one background thread: every {@code check-interval} (half-life
 * re-issue, and revocations made through other instances sharing the database), and
 * {@code reissue-delay} after a revocation committed here. A burst of revocations coalesces
 * into one pending run.
 */
@ApplicationScoped
public class CrlScheduler {

    private static final Logger LOG = Logger.getLogger(CrlScheduler.class);
    private static final List<String> ISSUERS = List.of(CaIds.ISSUING, CaIds.ROOT);

    private final CrlPublisher publisher;
    private final CrlConfig config;
    private final AtomicBoolean runPending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public CrlScheduler(CrlPublisher publisher, CrlConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    // After FirstStart (default priority) has created the CA hierarchy.
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crl-publisher");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runSafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.shutdownNow();
        }
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
        soon();
    }

    void onReleased(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateReleased event) {
        soon();
    }

    /** Schedules one run after the re-issue delay unless one is already waiting. */
    void soon() {
        ScheduledExecutorService current = executor;
        if (current != null && runPending.compareAndSet(false, true)) {
            current.schedule(() -> {
                runPending.set(false);
                runSafely();
            }, config.reissueDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runSafely() {
        for (String issuer : ISSUERS) {
            try {
                publisher.publishDue(issuer);
            } catch (PortcullisException e) {
                if (e.kind() == ProblemKind.UNAVAILABLE) {
                    LOG.debugf("CRL for %s not issued yet: %s", issuer, e.getMessage());
                } else {
                    LOG.errorf(e, "Issuing the %s CRL failed; will retry", issuer);
                }
            } catch (RuntimeException e) {
                // The scheduled task must survive a database hiccup, or CRLs would silently stop.
                LOG.errorf(e, "Issuing the %s CRL failed; will retry", issuer);
            }
        }
    }
}
