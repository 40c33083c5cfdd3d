package io.portcullis.revocation.crl;

import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.revocation.CertificateReleased;
import io.portcullis.ca.revocation.CertificateRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.hibernate.Session;

/**
 * Journals every revocation, hold and release <em>inside</em> the transaction that makes it
 * (a synchronous, in-progress observer), so the journal and the certificate table can never
 * disagree: if the revocation rolls back, so does its journal row. The journal tells the CRL
 * publisher that a full CRL is due and which certificates a delta CRL must list.
 */
@ApplicationScoped
public class RevocationJournal {

    private final EntityManager em;
    private final Clock clock;

    public RevocationJournal(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    void onRevoked(@Observes CertificateRevoked event) {
        record(event.issuerId(), Serials.toHex(event.serial()));
    }

    void onReleased(@Observes CertificateReleased event) {
        record(event.issuerId(), Serials.toHex(event.serial()));
    }

    private void record(String issuerId, String serialHex) {
        Instant now = clock.instant();
        em.unwrap(Session.class).doWork(connection -> new CrlStore(connection).journal(issuerId, serialHex, now));
    }
}
