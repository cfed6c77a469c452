package nl.doorbraak.web;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestListQuery;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.request.RequestWithdrawal;
import nl.doorbraak.request.Requests;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;

@RestController
@RequestMapping(path = "/api/v1/requests", produces = "application/json")
@Tag(name = "Requests", description = "Requests of municipalities: submit, follow, withdraw")
class RequestController {

    private static final InputSchema IDEMPOTENCY_KEY = InputSchema.builder()
            .text("Idempotency-Key", "Idempotency-Key", false, 100).build();

    private final RequestSubmission submission;
    private final RequestWithdrawal withdrawal;
    private final Requests requests;
    private final RequestViews views;
    private final RequestTimeline timeline;
    private final RequestListQuery listQuery;

    RequestController(RequestSubmission submission, RequestWithdrawal withdrawal, Requests requests,
                      RequestViews views, RequestTimeline timeline, RequestListQuery listQuery) {
        this.submission = submission;
        this.withdrawal = withdrawal;
        this.requests = requests;
        this.views = views;
        this.timeline = timeline;
        this.listQuery = listQuery;
    }

    /** A page of the caller's requests. */
    record RequestPage(List<RequestViews.RequestSummary> items, int page, int pageSize, long total,
                       Map<String, String> _links) {
    }

    /** What happened to one request. */
    record Timeline(String reference, List<RequestTimeline.Item> items) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Submit a request (municipality users)",
            description = "The municipality is the caller's; every validation error is reported at once. "
                    + "With an Idempotency-Key, a retry returns the first submission and starts nothing new.")
    ResponseEntity<RequestViews.RequestDetail> submit(@AuthenticationPrincipal DoorbraakUser user,
                                                      @RequestBody Map<String, Object> body,
                                                      @Parameter(description = "Makes the submission safe to retry")
                                                      @RequestHeader(name = "Idempotency-Key", required = false)
                                                      String idempotencyKey) {
        if (!user.isMunicipality()) {
            throw new AccessDeniedException("Only municipalities submit requests");
        }
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank()) {
                throw new InvalidInputException(List.of(new FieldError("Idempotency-Key",
                        "Idempotency-Key mag niet leeg zijn; laat de header weg of geef een sleutel mee.")));
            }
            IDEMPOTENCY_KEY.validate(Map.of("Idempotency-Key", idempotencyKey), true);
        }
        Map<String, Object> input = new LinkedHashMap<>(body);
        RequestKind kind = kindOf(input.remove("kind"));
        RequestSubmission.Submitted submitted;
        try {
            submitted = submission.submit(kind, input, user, idempotencyKey);
        } catch (DuplicateKeyException raceOnSameKey) {
            // a concurrent retry with the same key committed first: answer with its request
            if (idempotencyKey == null) {
                throw raceOnSameKey;
            }
            submitted = submission.submit(kind, input, user, idempotencyKey);
        }
        RequestViews.RequestDetail detail = views.detail(submitted.request());
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create(RequestViews.self(submitted.request())));
        if (submitted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(detail);
    }

    @GetMapping
    @Operation(summary = "The requests the caller may see, filtered, sorted and paged",
            description = "A municipality sees its own, a ministry those routed to it, programme office, "
                    + "director and auditors all. Filters: status, kind, focusArea, municipality, ministry "
                    + "(routed to), nationalRule (the catalogue entry the request is linked to), submittedFrom and "
                    + "submittedTo (dates, inclusive), q (text in the title); "
                    + "sort: -submittedAt (default), submittedAt, reference, -reference, status, title.")
    RequestPage list(@AuthenticationPrincipal DoorbraakUser user, @RequestParam Map<String, String> parameters) {
        RequestListQuery.Page query = listQuery.parse(parameters);
        long total = requests.count(user, query.filter());
        List<RequestViews.RequestSummary> items = requests.list(user, query.filter(), query.offset(), query.pageSize())
                .stream().map(views::summary).toList();
        return new RequestPage(items, query.page(), query.pageSize(), total, query.links("/api/v1/requests", total));
    }

    @GetMapping("/{reference}")
    @Operation(summary = "One request: status, current step, open tasks with due dates, decision when taken")
    RequestViews.RequestDetail get(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference) {
        return views.detail(requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet.")));
    }

    @GetMapping("/{reference}/timeline")
    @Operation(summary = "What happened to the request, in Dutch, for the municipality",
            description = "Derived from the case's audit trail; advice appears without its content until the "
                    + "decision is taken.")
    Timeline timeline(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference) {
        RequestRecord request = requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet."));
        return new Timeline(reference, timeline.of(request));
    }

    @PostMapping(path = "/{reference}/withdrawal")
    @Operation(summary = "Withdraw a request (the submitting municipality, until the decision)")
    RequestViews.RequestDetail withdraw(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                        @RequestBody(required = false) Map<String, ?> body) {
        return views.detail(withdrawal.withdraw(reference, user, body == null ? Map.of() : body));
    }

    private static RequestKind kindOf(Object kind) {
        String kinds = String.join(", ", java.util.Arrays.stream(RequestKind.values()).map(RequestKind::code).toList());
        if (kind == null) {
            throw new InvalidInputException(List.of(new FieldError("kind",
                    "Soort verzoek is verplicht. Kies uit: " + kinds + ".")));
        }
        return RequestKind.ofCode(kind.toString()).orElseThrow(() -> new InvalidInputException(List.of(
                new FieldError("kind", "Onbekende soort verzoek. Kies uit: " + kinds + "."))));
    }
}
