package nl.doorbraak.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.AccessRefused;

/** Every refused attempt (401, 403, 429 for a throttled login) goes on the system chain: who tried what. */
@Component
class RefusedAttempts {

    private final AuditTrail audit;

    RefusedAttempts(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AccessRefused refused) {
        String endpoint = refused.method() + " " + refused.path();
        if (refused.status() == 429) {
            // throttled: like a failed login, the user that was tried is named only in the explanation
            audit.system()
                    .action("login-throttled", "Aanmelding geweigerd: te veel mislukte pogingen")
                    .resource("endpoint", endpoint, endpoint)
                    .explanation("Aanmeldpoging als '" + refused.userId() + "'")
                    .refused()
                    .record();
            return;
        }
        boolean unauthenticated = refused.status() == 401;
        // a failed login names the user that was tried, not a user who acted
        audit.system().by(unauthenticated ? null : refused.userId())
                .action(unauthenticated ? "access-unauthenticated" : "access-denied",
                        unauthenticated ? "Toegang geweigerd: niet (juist) aangemeld" : "Toegang geweigerd")
                .resource("endpoint", endpoint, endpoint)
                .explanation(unauthenticated && refused.userId() != null
                        ? "Aanmeldpoging als '" + refused.userId() + "'" : null)
                .refused()
                .record();
    }
}
