package nl.doorbraak.casedeadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.notification.GroupMails;
import nl.doorbraak.notification.Letter;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.platform.time.WorkingDays;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestStatus;
import nl.doorbraak.request.RequestStatusChanged;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/**
 * The case deadline of every request: follows the case by its status (set at submission,
 * suspended while the municipality is asked for information, closed by the decision, a
 * withdrawal or a lapse) and takes the programme office's suspension, resumption and extension.
 * Every change is stored in the deadline's history and on the case's audit trail, in the
 * transaction of the change.
 */
@Service
public class CaseDeadlines {

    /** The reason of the automatic suspension (Awb 4:15 lid 1 a). */
    static final String INFORMATION_REQUESTED = "Informatie gevraagd aan de gemeente (Awb 4:15)";
    static final String PASSED_TOPIC = "case-deadline-passed";

    private static final InputSchema SUSPENSION = InputSchema.builder()
            .text("reason", "Reden", true, 5000)
            .build();
    private static final InputSchema RESUMPTION = InputSchema.builder()
            .text("reason", "Toelichting", false, 5000)
            .build();
    private static final InputSchema EXTENSION = InputSchema.builder()
            .text("reason", "Reden", true, 5000)
            .date("newDueDate", "Nieuwe uiterste datum", true)
            .build();
    private static final InputSchema NEW_DUE_DATE = InputSchema.builder()
            .date("newDueDate", "Nieuwe uiterste datum", true)
            .build();

    private final CaseDeadlineStore store;
    private final CaseDeadlineTable table;
    private final Requests requests;
    private final AuditTrail audit;
    private final GroupMails mails;

    CaseDeadlines(CaseDeadlineStore store, CaseDeadlineTable table, Requests requests, AuditTrail audit,
                  GroupMails mails) {
        this.mails = mails;
        this.store = store;
        this.table = table;
        this.requests = requests;
        this.audit = audit;
    }

    /** The rules of the bodies of a suspension, a resumption and an extension, for the API's documentation. */
    static Map<String, InputSchema> bodyRules() {
        return Map.of("suspension", SUSPENSION, "resumption", RESUMPTION, "extension", EXTENSION);
    }

    /** The deadline of a request; empty for a request submitted before deadlines were kept. */
    public Optional<CaseDeadlineView> of(UUID requestId) {
        return store.find(requestId).map(deadline -> CaseDeadlineView.of(deadline, store.history(requestId), today()));
    }

    /** The requests whose deadline has passed and still runs (not decided, not suspended since before it passed). */
    public List<UUID> overdue() {
        return store.overdue(today());
    }

    // --- following the case

    @EventListener
    void on(RequestStatusChanged event) {
        if (event.isSubmission()) {
            set(event);
            return;
        }
        Optional<CaseDeadline> found = store.lock(event.requestId()).filter(deadline -> !deadline.closed());
        RequestStatus to = RequestStatus.ofCode(event.to()).orElse(null);
        if (found.isEmpty() || to == null) {
            return;
        }
        CaseDeadline deadline = found.get();
        if (to == RequestStatus.DECIDED || to.isFinal()) {
            close(deadline, event.reference(), to);
        } else if (to == RequestStatus.INFORMATION_REQUESTED) {
            if (!deadline.suspended()) {
                suspend(deadline, event.reference(), null, INFORMATION_REQUESTED, true);
            }
        } else if (RequestStatus.INFORMATION_REQUESTED.code().equals(event.from()) && deadline.suspendedAutomatically()) {
            resume(deadline, event.reference(), null, "Informatie aangeleverd of termijn voor informatie verstreken");
        }
    }

    private void set(RequestStatusChanged event) {
        CaseDeadlineTable.Terms terms = table.termsFor(event.kind(), event.urgency());
        LocalDate today = today();
        LocalDate due = WorkingDays.plus(today, terms.periodDays());
        store.insert(new CaseDeadline(event.requestId(), terms.periodDays(), terms.maxExtensionDays(), today, due, due,
                null, null, false, null, null, null, null, null, null, 0));
        write(event.requestId(), event.reference(), AuditAction.CASE_DEADLINE_SET, DeadlineChange.SET, null, null, due,
                terms.periodDays(), Map.of(), Map.of("dueDate", due, "periodWorkingDays", terms.periodDays(),
                        "maxExtensionWorkingDays", terms.maxExtensionDays(), "kind", event.kind(),
                        "urgency", event.urgency() == null ? "normal" : event.urgency()));
    }

    private void suspend(CaseDeadline deadline, String reference, String userId, String reason, boolean automatically) {
        LocalDate today = today();
        store.suspend(deadline.requestId(), today, reason, automatically);
        write(deadline.requestId(), reference, AuditAction.CASE_DEADLINE_SUSPENDED, DeadlineChange.SUSPENDED, userId,
                reason, deadline.dueOn(), null, Map.of("suspended", false),
                Map.of("suspended", true, "suspendedSince", today, "automatically", automatically));
    }

    private void resume(CaseDeadline deadline, String reference, String userId, String note) {
        LocalDate today = today();
        int days = deadline.suspendedDays(today);
        LocalDate due = deadline.dueIfResumedOn(today);
        store.resume(deadline.requestId(), due);
        write(deadline.requestId(), reference, AuditAction.CASE_DEADLINE_RESUMED, DeadlineChange.RESUMED, userId, note,
                due, days, Map.of("suspended", true, "suspendedSince", deadline.suspendedSince(), "dueDate",
                        deadline.dueOn()),
                Map.of("suspended", false, "suspendedWorkingDays", days, "dueDate", due));
    }

    /** The decision meets or exceeds the deadline; a withdrawal, lapse or other end only closes it. */
    private void close(CaseDeadline deadline, String reference, RequestStatus status) {
        LocalDate today = today();
        LocalDate due = deadline.dueIfResumedOn(today);
        boolean decided = status == RequestStatus.DECIDED;
        int exceededBy = decided && today.isAfter(due) ? WorkingDays.between(due, today) : 0;
        String outcome = decided ? (exceededBy > 0 ? "exceeded" : "met")
                : status == RequestStatus.WITHDRAWN ? "withdrawn" : status == RequestStatus.LAPSED ? "lapsed" : "ended";
        String text = switch (outcome) {
            case "met" -> "besloten binnen de termijn";
            case "exceeded" -> "besloten " + CaseDeadlineView.days(exceededBy) + " na de uiterste datum";
            case "withdrawn" -> "het verzoek is ingetrokken";
            case "lapsed" -> "het verzoek is vervallen";
            default -> "het verzoek is beëindigd";
        };
        store.close(deadline.requestId(), due, outcome, decided ? exceededBy : null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("outcome", outcome);
        after.put("dueDate", due);
        after.put("exceededByWorkingDays", decided ? exceededBy : null);
        write(deadline.requestId(), reference, AuditAction.CASE_DEADLINE_CLOSED, DeadlineChange.CLOSED, null, text, due,
                decided ? exceededBy : null, Map.of("dueDate", deadline.dueOn()), after);
    }

    // --- the programme office

    @Transactional
    public CaseDeadlineView suspend(String reference, DoorbraakUser user, Map<String, ?> input) {
        RequestRecord request = officesCase(reference, user);
        Values values = SUSPENSION.validate(input, true);
        Locked locked = openDeadline(request);
        if (locked.deadline().suspended()) {
            throw new ConflictException("De doorlooptijd van verzoek " + reference + " is al opgeschort sinds "
                    + CaseDeadlineView.written(locked.deadline().suspendedSince()) + ".");
        }
        suspend(locked.deadline(), reference, user.id(), values.text("reason"), false);
        return of(locked.deadline().requestId()).orElseThrow();
    }

    @Transactional
    public CaseDeadlineView resume(String reference, DoorbraakUser user, Map<String, ?> input) {
        RequestRecord request = officesCase(reference, user);
        Values values = RESUMPTION.validate(input, true);
        Locked locked = openDeadline(request);
        if (!locked.deadline().suspended()) {
            throw new ConflictException("De doorlooptijd van verzoek " + reference + " is niet opgeschort.");
        }
        if (locked.deadline().suspendedAutomatically()) {
            throw new ConflictException("De doorlooptijd van verzoek " + reference + " is opgeschort omdat de gemeente "
                    + "om informatie is gevraagd; hij loopt weer zodra de gemeente antwoordt of de termijn daarvoor verstrijkt.");
        }
        resume(locked.deadline(), reference, user.id(), values.text("reason"));
        return of(locked.deadline().requestId()).orElseThrow();
    }

    @Transactional
    public CaseDeadlineView extend(String reference, DoorbraakUser user, Map<String, ?> input) {
        RequestRecord request = officesCase(reference, user);
        CaseDeadline deadline = openDeadline(request).deadline();
        if (deadline.extended()) {
            throw new ConflictException("De doorlooptijd van verzoek " + reference + " is al verlengd (tot "
                    + CaseDeadlineView.written(deadline.dueOn()) + "); verlengen kan één keer.");
        }
        List<FieldError> errors = new ArrayList<>();
        Values values = null;
        try {
            values = EXTENSION.validate(input, true);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        // the new date's own rules, also when another field is wrong: every error at once
        LocalDate newDue = values != null ? values.date("newDueDate") : validDate(input);
        if (newDue == null) {
            // a missing or malformed date has its error from the rules above
        } else if (!newDue.isAfter(deadline.dueOn())) {
            errors.add(new FieldError("newDueDate", "Nieuwe uiterste datum moet na de huidige uiterste datum ("
                    + CaseDeadlineView.written(deadline.dueOn()) + ") liggen."));
        } else if (newDue.isAfter(deadline.latestExtension())) {
            errors.add(new FieldError("newDueDate", "Verlengen kan met ten hoogste "
                    + CaseDeadlineView.days(deadline.maxExtensionDays()) + ": uiterlijk tot "
                    + CaseDeadlineView.written(deadline.latestExtension()) + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String reason = values.text("reason");
        store.extend(deadline.requestId(), newDue, reason);
        write(deadline.requestId(), reference, AuditAction.CASE_DEADLINE_EXTENDED, DeadlineChange.EXTENDED, user.id(),
                reason, newDue, WorkingDays.between(deadline.dueOn(), newDue), Map.of("dueDate", deadline.dueOn()),
                Map.of("dueDate", newDue, "extended", true));
        return of(deadline.requestId()).orElseThrow();
    }

    private record Locked(RequestRecord request, CaseDeadline deadline) {
    }

    private static LocalDate validDate(Map<String, ?> input) {
        try {
            return NEW_DUE_DATE.validate(input, false).date("newDueDate");
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /**
     * A case whose deadline the caller may change: one they may see, for the programme office only;
     * another municipality's or an unknown one is 404 (for the pages as for the API).
     */
    public RequestRecord officesCase(String reference, DoorbraakUser user) {
        RequestRecord request = requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet."));
        if (!user.isMemberOf(Groups.PROGRAMME_OFFICE)) {
            throw new AccessDeniedException("Only the programme office suspends, resumes or extends a case deadline");
        }
        return request;
    }

    /** The case's deadline, locked so that two changes happen one after the other; 409 when closed or absent. */
    private Locked openDeadline(RequestRecord request) {
        String reference = request.reference();
        CaseDeadline deadline = store.lock(request.id()).orElseThrow(() -> new ConflictException(
                "Verzoek " + reference + " heeft geen doorlooptijd: het is ingediend voordat doorlooptijden werden bijgehouden."));
        if (deadline.closed()) {
            throw new ConflictException("De doorlooptijd van verzoek " + reference + " is afgesloten.");
        }
        return new Locked(request, deadline);
    }

    // --- a passed deadline

    /**
     * Tells the programme office of each deadline that passed and was not announced yet, once per
     * case; the claim on the row makes a second run or instance skip it. Returns how many.
     */
    @Transactional
    public int announcePassed() {
        LocalDate today = today();
        int count = 0;
        for (UUID requestId : store.passedUnnoticed(today)) {
            if (!store.claimPassedNotice(requestId)) {
                continue;
            }
            CaseDeadline deadline = store.find(requestId).orElseThrow();
            RequestRecord request = requests.get(requestId);
            int overdue = deadline.overdueOn(today);
            write(requestId, request.reference(), AuditAction.CASE_DEADLINE_PASSED, DeadlineChange.PASSED, null, null,
                    deadline.dueOn(), overdue, Map.of(), Map.of("dueDate", deadline.dueOn(), "overdueWorkingDays", overdue));
            mails.send(Groups.PROGRAMME_OFFICE, PASSED_TOPIC, request.reference(), passedLetter(request, deadline));
            count++;
        }
        return count;
    }

    static Letter passedLetter(RequestRecord request, CaseDeadline deadline) {
        String body = """
                Beste collega,

                De doorlooptijd van een verzoek in Doorbraak is verstreken zonder besluit.

                Kenmerk: %s
                Titel: %s
                Uiterste datum was: %s (%s na indiening op %s)

                Wilt u zorgen dat er zo snel mogelijk wordt besloten, of de gemeente laten weten wanneer zij het besluit kan verwachten? Verlengen of opschorten met een reden kan op de pagina van het verzoek.
                """.formatted(request.reference(), request.title(), CaseDeadlineView.written(deadline.dueOn()),
                CaseDeadlineView.days(deadline.periodDays()), CaseDeadlineView.written(deadline.startedOn()))
                + Letter.SIGNATURE;
        return new Letter("Doorlooptijd verstreken: " + request.reference() + " " + request.title(), body);
    }

    private void write(UUID requestId, String reference, AuditAction action, DeadlineChange change, String userId,
                       String reason, LocalDate due, Integer workingDays, Map<String, ?> before, Map<String, ?> after) {
        store.record(requestId, change, userId, reason, due, workingDays);
        String text = CaseDeadlineView.text(change, new CaseDeadlineStore.Change(null, requestId, change.code(), null,
                userId, reason, due, workingDays));
        var entry = audit.about(reference);
        if (userId != null) {
            entry.by(userId);
        }
        entry.action(action, text)
                .resource("case-deadline", requestId.toString(), reference)
                .explanation(reason)
                .changes(before, after)
                .record();
    }

    private static LocalDate today() {
        return CaseClock.dutchNow().toLocalDate();
    }
}
