package nl.doorbraak.casedeadline;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.security.DoorbraakUser;

/**
 * The programme office suspends, resumes and extends a case deadline, each with a reason. The
 * deadline itself is part of the request's detail ({@code caseDeadline}).
 */
@RestController
@RequestMapping(path = "/api/v1/requests/{reference}/case-deadline", produces = "application/json")
@Tag(name = "Case deadline", description = "De doorlooptijd van een verzoek: opschorten, hervatten, verlengen")
class CaseDeadlineController {

    private final CaseDeadlines deadlines;

    CaseDeadlineController(CaseDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @PostMapping(path = "/suspension", consumes = "application/json")
    @Operation(summary = "Suspend the case deadline (programme office)",
            description = "Body: reason. The deadline stands still until it is resumed; the working days in between "
                    + "push it on. 409 when it is suspended already (also automatically, while the municipality is "
                    + "asked for information) or closed.")
    CaseDeadlineView suspend(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                             @RequestBody Map<String, Object> body) {
        return deadlines.suspend(reference, user, body);
    }

    @PostMapping(path = "/resumption")
    @Operation(summary = "Resume a suspended case deadline (programme office)",
            description = "Body (optional): reason. The deadline moves on by the working days it was suspended. 409 when "
                    + "it is not suspended, closed, or suspended automatically for an information request (that "
                    + "suspension ends with the answer).")
    CaseDeadlineView resume(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                            @RequestBody(required = false) Map<String, Object> body) {
        return deadlines.resume(reference, user, body == null ? Map.of() : body);
    }

    @PostMapping(path = "/extension", consumes = "application/json")
    @Operation(summary = "Extend the case deadline once (programme office)",
            description = "Body: reason, newDueDate (after the current deadline, at most the longest extension of the "
                    + "case-deadlines table later). 400 with every error, 409 when it was extended before or is closed.")
    CaseDeadlineView extend(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                            @RequestBody Map<String, Object> body) {
        return deadlines.extend(reference, user, body);
    }
}
