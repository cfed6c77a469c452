package nl.doorbraak.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.AccessRefused;

/** Every refused attempt (401, 403) goes on the system chain: who tried what. */
@Component
class RefusedAttempts {

    private final AuditTrail audit;

    RefusedAttempts(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AccessRefused refused) {
        audit.system().by(refused.userId())
                .action(refused.status() == 401 ? "access-unauthenticated" : "access-denied",
                        refused.status() == 401 ? "Toegang geweigerd: niet (juist) aangemeld" : "Toegang geweigerd")
                .resource("endpoint", refused.method() + " " + refused.path(), refused.method() + " " + refused.path())
                .refused()
                .record();
    }
}
