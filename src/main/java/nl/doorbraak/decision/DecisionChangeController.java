package nl.doorbraak.decision;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.security.DoorbraakUser;

/**
 * The versions of a decision, and the programme director's amendment and revocation of it. Both
 * writes name the version they change ({@code version}, as the versions list gives it): 409 when
 * the decision changed in between or was revoked.
 */
@RestController
@RequestMapping(path = "/api/v1/requests/{reference}/decision", produces = "application/json")
@Tag(name = "Decisions", description = "The decision register")
class DecisionChangeController {

    private final DecisionChanges changes;

    DecisionChangeController(DecisionChanges changes) {
        this.changes = changes;
    }

    /** Every version of a decision, oldest first; the last is the decision as it stands now. */
    record Versions(String reference, int version, boolean revoked, List<DecisionVersion> versions) {

        static Versions of(String reference, List<DecisionVersion> versions) {
            DecisionVersion current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            return new Versions(reference, current == null ? 0 : current.version(),
                    current != null && DecisionVersion.REVOKED.equals(current.status()), versions);
        }
    }

    @GetMapping("/versions")
    @Operation(summary = "Every version of the decision on a request: the decision, its amendments, its revocation",
            description = "For whoever may see the request. Empty before the decision. Each version is the whole "
                    + "decision as it stood from then on, with who changed it, when and why; status is Geldend, "
                    + "Vervangen or Ingetrokken.")
    Versions versions(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference) {
        return Versions.of(reference, changes.versions(reference, user));
    }

    @PostMapping(path = "/amendments", consumes = "application/json")
    @Operation(summary = "Amend the decision (programme director)",
            description = "Body: the whole decision again, with the fields and rules of the decision form "
                    + "(decisionOutcome, rationale, conditions, instrument, effectiveDate, evaluationDate; for budget "
                    + "pooling grantedLines on a partial grant), plus version (the version amended) and reason. "
                    + "A grant stays a grant and an evaluated instrument stays one; revoke the decision instead. "
                    + "400 with every error, 409 when the decision changed in between or was revoked.")
    Versions amend(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                   @RequestBody Map<String, Object> body) {
        return Versions.of(reference, changes.amend(reference, user, body));
    }

    @PostMapping(path = "/revocation", consumes = "application/json")
    @Operation(summary = "Revoke the decision (programme director)",
            description = "Body: version (the version revoked), reason. Ends what followed the decision (evaluation, "
                    + "accountability); the request's status becomes decision-revoked. 409 when the decision changed "
                    + "in between or was revoked already.")
    Versions revoke(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                    @RequestBody Map<String, Object> body) {
        return Versions.of(reference, changes.revoke(reference, user, body));
    }
}
