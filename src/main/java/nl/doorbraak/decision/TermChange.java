package nl.doorbraak.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A change to the term of a granted experiment or exemption, as the decision register keeps it:
 * {@code extended} (an evaluation continued it), {@code stopped} (an evaluation ended it) or
 * {@code end-date} (its end date was reached).
 */
public record TermChange(String effect, LocalDate oldEndDate, LocalDate newEndDate, LocalDate nextEvaluationDate,
                         String note, String changedBy, OffsetDateTime changedAt) {
}
