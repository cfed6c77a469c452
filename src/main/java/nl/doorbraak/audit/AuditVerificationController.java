package nl.doorbraak.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;

/**
 * Verification of the audit trail on request (docs/audit.md, "Verification"): all chains, one
 * case's chain, or the chains with entries in a period. Auditors and the programme office only;
 * every verification is itself recorded on the system chain.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = "application/json")
@Tag(name = "Audit trail", description = "The tamper-evident audit trail: verification")
class AuditVerificationController {

    private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private final AuditedReads reads;

    AuditVerificationController(AuditedReads reads) {
        this.reads = reads;
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify that the audit trail is intact (auditors, programme office)",
            description = "Without parameters every chain; with reference the chain of that case (or 'system'); "
                    + "with from and/or to the chains that have entries in [from, to), each checked whole from its "
                    + "first entry. Dates are whole days in Dutch time (to includes its day); date-times without an "
                    + "offset are Dutch time. Also checks every seal. Reports what was checked and the first "
                    + "broken link.")
    VerificationReport verify(@AuthenticationPrincipal DoorbraakUser user,
                              @Parameter(description = "A case reference, e.g. NPLV-2026-00042, or 'system'")
                              @RequestParam(required = false) String reference,
                              @Parameter(description = "Start of the period, inclusive: 2026-03-01 or 2026-03-01T09:00:00+01:00")
                              @RequestParam(required = false) String from,
                              @Parameter(description = "End of the period, exclusive for a date-time, inclusive for a date")
                              @RequestParam(required = false) String to) {
        AuditedReads.requireReader(user);
        VerificationScope scope = scope(reference, from, to);
        VerificationReport report = reads.verify(user, scope);
        if (scope.kind() == VerificationScope.Kind.CHAIN && report.chainsChecked() == 0 && report.ok()) {
            throw new NotFoundException("Er is geen audittrail van '" + scope.chain() + "'.");
        }
        return report;
    }

    private static VerificationScope scope(String reference, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        if (reference != null && (from != null || to != null)) {
            errors.add(new FieldError("reference", "Geef een reference of een periode (from, to), niet allebei."));
        } else if (reference != null && !CHAIN.matcher(reference).matches()) {
            errors.add(new FieldError("reference", "reference is geen zaakreferentie (bijvoorbeeld NPLV-2026-00042) "
                    + "of 'system'."));
        }
        Instant start = from == null ? null : instantOf(PeriodBound.parse("from", from, false, errors));
        Instant end = to == null ? null : instantOf(PeriodBound.parse("to", to, true, errors));
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "to moet na from liggen."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (reference != null) {
            return VerificationScope.chain(reference);
        }
        return from == null && to == null ? VerificationScope.all() : VerificationScope.period(start, end);
    }

    private static Instant instantOf(PeriodBound bound) {
        return bound == null ? null : bound.instant();
    }
}
