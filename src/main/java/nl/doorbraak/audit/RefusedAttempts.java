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
        boolean unauthenticated = refused.status() == 401;
        // a failed login names the user that was tried, not a user who acted
        audit.system().by(unauthenticated ? null : refused.userId())
                .action(unauthenticated ? "access-unauthenticated" : "access-denied",
                        unauthenticated ? "Toegang geweigerd: niet (juist) aangemeld" : "Toegang geweigerd")
                .resource("endpoint", refused.method() + " " + refused.path(), refused.method() + " " + refused.path())
                .explanation(unauthenticated && refused.userId() != null
                        ? "Aanmeldpoging als '" + refused.userId() + "'" : null)
                .refused()
                .record();
    }
}
