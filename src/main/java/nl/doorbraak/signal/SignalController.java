package nl.doorbraak.signal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.security.DoorbraakUser;

@RestController
@RequestMapping(path = "/api/v1/signals", produces = "application/json")
@Tag(name = "Signals", description = "Recurring obstacles: one national rule named by requests from several focus "
        + "areas, and the responsible ministry's structural answer")
class SignalController {

    private static final Map<String, String> STATUSES = Map.of(Signal.OPEN, "Open", Signal.ANSWERED, "Beantwoord");

    private final SignalViews views;
    private final SignalAdministration administration;
    private final InputSchema filters;

    SignalController(SignalViews views, SignalAdministration administration, ReferenceData referenceData,
                     NationalRules catalogue) {
        this.views = views;
        this.administration = administration;
        this.filters = InputSchema.builder()
                .choice("status", "Status", false, () -> STATUSES)
                .choice("ministry", "Ministerie", false, referenceData::ministryChoices)
                .choice("nationalRule", "Landelijke regel", false, catalogue::choices)
                .build();
    }

    /** The signals the caller may see. */
    record SignalList(List<SignalViews.SignalSummary> items, int total) {
    }

    @GetMapping
    @Operation(summary = "The signals the caller may see (programme office, director and auditors all; a ministry its own)",
            description = "Filters: status (open, answered), ministry, nationalRule (catalogue id).")
    SignalList list(@AuthenticationPrincipal DoorbraakUser user, @RequestParam Map<String, String> parameters) {
        Values filter = filters.validateQuery(parameters);
        List<SignalViews.SignalSummary> items = views.list(user, filter.text("status"), filter.text("ministry"),
                filter.text("nationalRule"));
        return new SignalList(items, items.size());
    }

    @GetMapping("/{reference}")
    @Operation(summary = "One signal with its linked requests, those unlinked from it and the ministry's answer")
    SignalViews.SignalDetail get(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference) {
        return views.detail(views.visible(user, reference));
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Start a signal by hand (programme office)",
            description = "Body: nationalRule (catalogue id), article (optional), reason, requests (references, at "
                    + "least one). 409 when a signal on the same rule and article is open or a request is linked already.")
    ResponseEntity<SignalViews.SignalDetail> start(@AuthenticationPrincipal DoorbraakUser user,
                                                   @RequestBody Map<String, Object> body) {
        Signal signal = administration.start(user, body);
        return ResponseEntity.created(URI.create("/api/v1/signals/" + signal.reference())).body(views.detail(signal));
    }

    @PostMapping(path = "/{reference}/links", consumes = "application/json")
    @Operation(summary = "Link a request to an open signal (programme office)", description = "Body: request, reason.")
    SignalViews.SignalDetail link(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                  @RequestBody Map<String, Object> body) {
        return views.detail(administration.link(user, reference, body));
    }

    @PostMapping(path = "/{reference}/unlinks", consumes = "application/json")
    @Operation(summary = "Unlink a request from a signal (programme office)", description = "Body: request, reason.")
    SignalViews.SignalDetail unlink(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                    @RequestBody Map<String, Object> body) {
        return views.detail(administration.unlink(user, reference, body));
    }
}
