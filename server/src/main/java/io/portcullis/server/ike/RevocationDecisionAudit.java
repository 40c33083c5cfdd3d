package io.portcullis.server.ike;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ike.exchange.auth.RevocationStatus;
import io.portcullis.ike.revocation.RevocationDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Records every revocation decision the IKE gateway makes about a peer certificate — status,
 * source (OCSP, cache, CRL) and reason — in the log and in the audit hash chain. The decision
 * arrives on the gateway's receive thread, so the audit event gets a transaction of its own.
 */
@ApplicationScoped
public class RevocationDecisionAudit implements Consumer<RevocationDecision> {

    public static final String ACTION = "ike.peer-revocation-check";
    private static final Logger LOG = Logger.getLogger("io.portcullis.ike.revocation");

    private final AuditLog audit;

    public RevocationDecisionAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void accept(RevocationDecision decision) {
        LOG.info(decision);
        String target = decision.serial().toString(16);
        String details = "status " + decision.status() + "; source " + decision.source() + "; subject " + decision.subject()
                + "; " + decision.reason();
        audit.appendIndependently(decision.status() == RevocationStatus.GOOD
                ? AuditEvent.success("ike-gateway", ACTION, target, details)
                : AuditEvent.failure("ike-gateway", ACTION, target, details));
    }
}
