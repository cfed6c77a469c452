package nl.doorbraak.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.AccessRefused;
import nl.doorbraak.platform.AccessRefused.Refusal;

/** Every refused attempt goes on the system chain: who tried what, and why it was refused. */
@Component
class RefusedAttempts {

    private final AuditTrail audit;

    RefusedAttempts(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AccessRefused refused) {
        String endpoint = refused.method() + " " + refused.path();
        // a failed or throttled login names the user that was tried in the explanation, not as a user who acted
        boolean loginAttempt = switch (refused.refusal()) {
            case UNAUTHENTICATED, LOGIN_FAILED, LOGIN_THROTTLED -> true;
            default -> false;
        };
        String tried = loginAttempt && refused.userId() != null ? "Aanmeldpoging als '" + refused.userId() + "'" : null;
        String explanation = tried == null ? refused.detail()
                : refused.detail() == null ? tried : tried + ". " + refused.detail();
        audit.system().by(loginAttempt ? null : refused.userId())
                .action(action(refused.refusal()), display(refused.refusal()))
                .resource("endpoint", endpoint, endpoint)
                .explanation(explanation)
                .refused()
                .record();
    }

    static AuditAction action(Refusal refusal) {
        return switch (refusal) {
            case UNAUTHENTICATED -> AuditAction.ACCESS_UNAUTHENTICATED;
            case LOGIN_FAILED -> AuditAction.LOGIN_FAILED;
            case LOGIN_THROTTLED -> AuditAction.LOGIN_THROTTLED;
            case FORBIDDEN -> AuditAction.ACCESS_DENIED;
            case NOT_FOUND -> AuditAction.ACCESS_NOT_FOUND;
            case CSRF -> AuditAction.CSRF_REFUSED;
            case ENGINE_AUTHORIZATION -> AuditAction.ENGINE_AUTHORIZATION_REFUSED;
            case FORBIDDEN_FIELDS -> AuditAction.FORBIDDEN_FIELDS_REFUSED;
        };
    }

    static String display(Refusal refusal) {
        return switch (refusal) {
            case UNAUTHENTICATED -> "Toegang geweigerd: niet (juist) aangemeld";
            case LOGIN_FAILED -> "Aanmelding mislukt";
            case LOGIN_THROTTLED -> "Aanmelding geweigerd: te veel mislukte pogingen";
            case FORBIDDEN -> "Toegang geweigerd";
            case NOT_FOUND -> "Toegang geweigerd: niet gevonden of niet zichtbaar voor deze gebruiker";
            case CSRF -> "Verzoek geweigerd: beveiligingstoken ontbreekt of is ongeldig";
            case ENGINE_AUTHORIZATION -> "Handeling geweigerd door de autorisaties van de procesengine";
            case FORBIDDEN_FIELDS -> "Handeling geweigerd: velden die alleen de server zet of die het formulier niet heeft";
        };
    }
}
