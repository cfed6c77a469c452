package nl.doorbraak.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/**
 * What the programme office does by hand: start a signal on a rule with the requests it knows
 * belong together, link a request to a signal, unlink one; always with a reason, always audited.
 * Input is checked in full first (every error at once, 400); a state that does not allow the
 * step is a conflict (409): a second open signal on the same rule, a request linked already, one
 * that is not linked.
 */
@Service
public class SignalAdministration {

    static final int MAX_REQUESTS = 100;

    private final Signals signals;
    private final SignalCases cases;
    private final Requests requests;
    private final NationalRules catalogue;
    private final InputSchema startSchema;
    private final InputSchema linkSchema = InputSchema.builder()
            .text("request", "Verzoek (kenmerk)", true, 20)
            .text("reason", "Reden", true, 2000)
            .build();

    SignalAdministration(Signals signals, SignalCases cases, Requests requests, NationalRules catalogue) {
        this.signals = signals;
        this.cases = cases;
        this.requests = requests;
        this.catalogue = catalogue;
        this.startSchema = InputSchema.builder()
                .choice("nationalRule", "Landelijke regel", true, catalogue::choices)
                .text("article", "Artikel", false, 100)
                .text("reason", "Reden", true, 2000)
                .build();
    }

    /** Starts a signal with the given requests linked. */
    @Transactional
    public Signal start(DoorbraakUser user, Map<String, ?> body) {
        refuseUnlessProgrammeOffice(user);
        Map<String, Object> input = new LinkedHashMap<>(body);
        Object references = input.remove("requests");
        List<FieldError> errors = new ArrayList<>();
        Values values = null;
        try {
            values = startSchema.validate(input, true);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        List<RequestRecord> linked = requestsIn(references, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        NationalRule rule = catalogue.find(values.text("nationalRule")).orElseThrow();
        String article = NationalRules.articleKey(values.text("article"));
        catalogue.lock(rule.id());
        Optional<Signal> open = signals.openOn(rule.id(), article);
        if (open.isPresent()) {
            throw new ConflictException("Op deze regel staat al een open signaal: " + open.get().reference() + ".");
        }
        for (RequestRecord request : linked) {
            refuseIfLinked(request);
        }
        return cases.start(rule, article, user.id(), values.text("reason"), linked, values.text("reason"));
    }

    /** Links a request to the open signal. */
    @Transactional
    public Signal link(DoorbraakUser user, String reference, Map<String, ?> body) {
        refuseUnlessProgrammeOffice(user);
        Signal signal = signals.find(reference)
                .orElseThrow(() -> new NotFoundException("Signaal '" + reference + "' bestaat niet."));
        LinkInput input = linkInput(body);
        RequestRecord request = input.request();
        Values values = input.values();
        signals.lock(signal.id());
        if (!signals.find(signal.id()).orElseThrow().isOpen()) {
            throw new ConflictException("Signaal " + reference + " is al beantwoord; er kan geen verzoek meer bij.");
        }
        refuseIfLinked(request);
        cases.link(signal, request, user.id(), values.text("reason"));
        return signal;
    }

    /** Unlinks a request from the signal; the link stays in its history. */
    @Transactional
    public Signal unlink(DoorbraakUser user, String reference, Map<String, ?> body) {
        refuseUnlessProgrammeOffice(user);
        Signal signal = signals.find(reference)
                .orElseThrow(() -> new NotFoundException("Signaal '" + reference + "' bestaat niet."));
        LinkInput input = linkInput(body);
        RequestRecord request = input.request();
        Values values = input.values();
        signals.lock(signal.id());
        if (!cases.unlink(signal, request, user.id(), values.text("reason"))) {
            throw new ConflictException("Verzoek " + request.reference() + " is niet gekoppeld aan signaal "
                    + reference + ".");
        }
        return signal;
    }

    private List<RequestRecord> requestsIn(Object references, List<FieldError> errors) {
        if (!(references instanceof List<?> list) || list.isEmpty()) {
            errors.add(new FieldError("requests", references == null
                    ? "Verzoeken is verplicht: noem ten minste één verzoek (kenmerk)."
                    : "Verzoeken moet een lijst van ten minste één kenmerk zijn."));
            return List.of();
        }
        if (list.size() > MAX_REQUESTS) {
            errors.add(new FieldError("requests", "Noem ten hoogste " + MAX_REQUESTS + " verzoeken."));
            return List.of();
        }
        List<RequestRecord> found = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String field = "requests[" + i + "]";
            if (!(item instanceof String reference) || reference.isBlank() || reference.length() > 20) {
                errors.add(new FieldError(field, "Een verzoek wordt genoemd met zijn kenmerk, bijvoorbeeld NPLV-2026-00042."));
                continue;
            }
            Optional<RequestRecord> request = requests.findByReference(reference);
            if (request.isEmpty()) {
                errors.add(new FieldError(field, "Verzoek '" + reference + "' bestaat niet."));
            } else if (found.stream().anyMatch(other -> other.id().equals(request.get().id()))) {
                errors.add(new FieldError(field, "Verzoek " + reference + " staat al eerder in de lijst."));
            } else {
                found.add(request.get());
            }
        }
        return found;
    }

    private record LinkInput(Values values, RequestRecord request) {
    }

    /** The body of a link or unlink, with every error at once: the schema's and an unknown request. */
    private LinkInput linkInput(Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        Values values = null;
        try {
            values = linkSchema.validate(body, true);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Object reference = body.get("request");
        Optional<RequestRecord> request = reference instanceof String text && !text.isBlank() && text.length() <= 20
                ? requests.findByReference(text) : Optional.empty();
        if (request.isEmpty() && errors.stream().noneMatch(error -> error.field().equals("request"))) {
            errors.add(new FieldError("request", "Verzoek '" + reference + "' bestaat niet."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LinkInput(values, request.get());
    }

    private void refuseIfLinked(RequestRecord request) {
        signals.ofRequest(request.id()).filter(Signal::isOpen).ifPresent(other -> {
            throw new ConflictException("Verzoek " + request.reference() + " is al gekoppeld aan signaal "
                    + other.reference() + ".");
        });
    }

    private static void refuseUnlessProgrammeOffice(DoorbraakUser user) {
        if (!user.isMemberOf(Groups.PROGRAMME_OFFICE)) {
            throw new AccessDeniedException("Only the programme office starts, links and unlinks signals");
        }
    }
}
