package nl.doorbraak.casedeadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.doorbraak.platform.validation.Vocabulary;

/**
 * A request's case deadline as its reader sees it. {@code dueDate} does not count a running
 * suspension: while suspended the deadline stands still and moves on by the suspended working days
 * when it resumes. {@code summary} is the same in Dutch, line by line, for the pages and Tasklist.
 */
@Schema(description = "De doorlooptijd van het verzoek, van indiening tot besluit, in werkdagen")
public record CaseDeadlineView(
        @Schema(description = "De uiterste besluitdatum nu (zonder een lopende opschorting)") LocalDate dueDate,
        @Schema(description = "De uiterste besluitdatum bij indiening") LocalDate originalDueDate,
        @Schema(description = "De doorlooptijd in werkdagen uit de tabel Doorlooptijden") int periodWorkingDays,
        boolean suspended,
        LocalDate suspendedSince,
        String suspensionReason,
        @Schema(description = "Opgeschort omdat de gemeente om informatie is gevraagd (Awb 4:15)")
        boolean suspendedAutomatically,
        boolean extended,
        String extensionReason,
        @Schema(description = "Tot wanneer de termijn nog kan worden verlengd; leeg als dat niet meer kan")
        LocalDate latestExtensionDate,
        @Schema(description = "Werkdagen tot de uiterste datum; leeg als die verstreken of afgesloten is")
        Integer workingDaysLeft,
        @Schema(description = "Werkdagen over de uiterste datum (bij een besluit: waarmee de termijn is overschreden)")
        Integer overdueBy,
        boolean closed,
        @Schema(description = "met, exceeded, withdrawn, lapsed of ended; leeg zolang de termijn loopt") String outcome,
        List<String> summary,
        List<HistoryEntry> history) {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    /** One change of the deadline; {@code changedBy} is empty for an automatic change. */
    public record HistoryEntry(String change, String changeLabel, OffsetDateTime at, String changedBy, String reason,
                               LocalDate dueDate, Integer workingDays, String text) {
    }

    static CaseDeadlineView of(CaseDeadline deadline, List<CaseDeadlineStore.Change> changes, LocalDate today) {
        boolean open = !deadline.closed();
        int overdue = open ? deadline.overdueOn(today) : 0;
        Integer left = open && overdue == 0 ? deadline.leftOn(today) : null;
        Integer overdueBy = open ? (overdue > 0 ? overdue : null)
                : deadline.exceededBy() != null && deadline.exceededBy() > 0 ? deadline.exceededBy() : null;
        return new CaseDeadlineView(deadline.dueOn(), deadline.originalDueOn(), deadline.periodDays(),
                deadline.suspended(), deadline.suspendedSince(), deadline.suspensionReason(),
                deadline.suspendedAutomatically(), deadline.extended(), deadline.extensionReason(),
                open && !deadline.extended() ? deadline.latestExtension() : null, left, overdueBy, deadline.closed(),
                deadline.outcome(), summary(deadline, left, overdueBy),
                changes.stream().map(CaseDeadlineView::entry).toList());
    }

    /** "3 maart 2027". */
    static String written(LocalDate date) {
        return WRITTEN.format(date);
    }

    private static List<String> summary(CaseDeadline deadline, Integer left, Integer overdueBy) {
        List<String> lines = new ArrayList<>();
        String due = written(deadline.dueOn());
        if (deadline.closed()) {
            lines.add(switch (deadline.outcome()) {
                case "met" -> "Besloten binnen de doorlooptijd (uiterlijk " + due + ").";
                case "exceeded" -> "Besloten " + days(overdueBy) + " na de uiterste datum (" + due + ").";
                case "withdrawn" -> "Doorlooptijd afgesloten: het verzoek is ingetrokken.";
                case "lapsed" -> "Doorlooptijd afgesloten: het verzoek is vervallen.";
                default -> "Doorlooptijd afgesloten.";
            });
            return lines;
        }
        lines.add(overdueBy != null
                ? "De doorlooptijd is verstreken op " + due + ": " + days(overdueBy) + " over de termijn."
                : "Besluit uiterlijk op " + due + " (nog " + days(left) + ").");
        if (deadline.suspended()) {
            lines.add("Opgeschort sinds " + written(deadline.suspendedSince()) + " wegens " + lowerFirst(
                    deadline.suspensionReason()) + "; de uiterste datum schuift op met de werkdagen van de opschorting.");
        }
        if (deadline.extended()) {
            lines.add("Verlengd tot " + due + " wegens " + lowerFirst(deadline.extensionReason()));
        }
        return lines;
    }

    private static HistoryEntry entry(CaseDeadlineStore.Change change) {
        DeadlineChange kind = Vocabulary.ofCode(DeadlineChange.class, change.changeKind()).orElseThrow();
        return new HistoryEntry(change.changeKind(), kind.label(), change.occurredAt(), change.changedBy(),
                change.reason(), change.dueOn(), change.workingDays(), text(kind, change));
    }

    /** The line of a change in the timeline and the audit trail. */
    static String text(DeadlineChange kind, CaseDeadlineStore.Change change) {
        String due = written(change.dueOn());
        return switch (kind) {
            case SET -> "Doorlooptijd vastgesteld: besluit uiterlijk op " + due + " (" + days(change.workingDays()) + ")";
            case SUSPENDED -> "Doorlooptijd opgeschort wegens " + lowerFirst(change.reason());
            case RESUMED -> "Doorlooptijd hervat na " + days(change.workingDays()) + " opschorting: besluit uiterlijk op "
                    + due;
            case EXTENDED -> "Doorlooptijd verlengd tot " + due + " wegens " + lowerFirst(change.reason());
            case PASSED -> "Doorlooptijd verstreken: de uiterste datum was " + due;
            case CLOSED -> change.reason() == null ? "Doorlooptijd afgesloten" : "Doorlooptijd afgesloten: " + change.reason();
        };
    }

    static String days(Integer count) {
        int n = count == null ? 0 : count;
        return n + (n == 1 ? " werkdag" : " werkdagen");
    }

    private static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean acronym = text.length() > 1 && Character.isUpperCase(text.charAt(1));
        String sentence = acronym ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
