package nl.doorbraak.signal;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One recurring obstacle: a national rule (and article; none for the regulation as a whole) that
 * requests from several focus areas name, the ministry responsible for it, and its answer.
 */
public record Signal(UUID id, String reference, String nationalRuleId, String articleKey, String ministryCode,
                     String status, String startedBy, String startReason, String processInstanceId,
                     OffsetDateTime createdAt, OffsetDateTime dueAt, String answerKind, String answer,
                     String answerReasons, String answeredBy, OffsetDateTime answeredAt, int version) {

    public static final String OPEN = "open";
    public static final String ANSWERED = "answered";
    /** Who started a signal that the detection after routing started. */
    public static final String AUTOMATIC = "automatic";

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** The Dutch label of the status. */
    public String statusLabel() {
        return isOpen() ? "Open: wacht op structureel antwoord" : "Beantwoord";
    }

    /** The Dutch label of the answer's kind, or null before the answer. */
    public String answerKindLabel() {
        return AnswerKind.labelOf(answerKind);
    }
}
