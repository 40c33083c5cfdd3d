package io.portcullis.ca.config;

import io.portcullis.ca.audit.AuditAction;
import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditEntry;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.audit.AuditSequencer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Settings come from files and the environment, not from an API, so changes are noticed at
 * start-up: the effective non-secret settings are compared with the last audited ones and a
 * {@code configuration.changed} entry is written when they differ. Secrets are recorded only as
 * "set" or "generated", never their values.
 */
@ApplicationScoped
public class ConfigurationAudit {

    private final PortcullisConfig config;
    private final AuditLog audit;
    private final EntityManager em;
    private final AuditSequencer sequencer;

    public ConfigurationAudit(PortcullisConfig config, AuditLog audit, EntityManager em, AuditSequencer sequencer) {
        this.config = config;
        this.audit = audit;
        this.em = em;
        this.sequencer = sequencer;
    }

    /** Returns true when the settings differ from the last audited ones (or none were audited yet). */
    public boolean recordIfChanged() {
        sequencer.sealAll();
        return QuarkusTransaction.requiringNew().call(this::compareAndRecord);
    }

    private boolean compareAndRecord() {
        String current = summary();
        List<AuditEntry> last = em.createQuery(
                        "from AuditEntry where fields.action = :action order by seq desc", AuditEntry.class)
                .setParameter("action", AuditAction.CONFIGURATION_CHANGED)
                .setMaxResults(1)
                .getResultList();
        if (!last.isEmpty() && last.get(0).fields.details.equals(current)) {
            return false;
        }
        audit.append(AuditEvent.success("system", AuditAction.CONFIGURATION_CHANGED, "startup", current));
        return true;
    }

    String summary() {
        PortcullisConfig.Auth auth = config.auth();
        return "public-url=" + config.publicUrl()
                + "; ocsp-url=" + config.ocspUrl().orElse("under public-url")
                + "; admin-username=" + config.adminUsername()
                + "; keystore-password=" + (config.keystorePassword().isPresent() ? "configured" : "generated")
                + "; token-secret=" + (auth.tokenSecret().isPresent() ? "configured" : "generated")
                + "; token-lifetime=" + auth.tokenLifetime()
                + "; max-failed-logins=" + auth.maxFailedLogins()
                + "; lockout-duration=" + auth.lockoutDuration();
    }
}
