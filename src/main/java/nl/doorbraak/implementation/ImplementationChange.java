package nl.doorbraak.implementation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A change of rules followed at the responsible ministry, with its stages in order.
 *
 * @param changeKind    {@code law} or {@code policy}
 * @param startedByStep {@code decision} or {@code make-structural}
 * @param currentStage  the last stage reached, null before the first
 * @param stoppedAt     when following it stopped because the decision that promised it was revoked
 * @param stopReason    the director's reason for revoking the decision
 */
public record ImplementationChange(UUID id, UUID requestId, String changeKind, String startedByStep, String instrument,
                                   String ministryCode, String currentStage, OffsetDateTime startedAt,
                                   LocalDate inForceOn, OffsetDateTime stoppedAt, String stopReason,
                                   List<Stage> stages) {

    public static final String IN_FORCE = "in-force";

    public ImplementationChange {
        stages = List.copyOf(stages);
    }

    /** A stage as planned and as reported. */
    public record Stage(String stage, int sequence, String label, boolean optional, LocalDate targetOn,
                        String reminderBefore, LocalDate reachedOn, boolean skipped, String note) {

        public boolean open() {
            return reachedOn == null && !skipped;
        }

        /** Past its target date and not reached on {@code today}. */
        public boolean overdueOn(LocalDate today) {
            return open() && targetOn.isBefore(today);
        }
    }

    /** The first stage not yet reached or skipped: the one the ministry works on now; none once stopped. */
    public Optional<Stage> nextStage() {
        return stopped() ? Optional.empty() : stages.stream().filter(Stage::open).findFirst();
    }

    /**
     * The stages the ministry may report next: the next stage and, while that is optional, the one
     * after it (reporting a later stage skips the optional one).
     */
    public List<Stage> reportable() {
        List<Stage> open = stages.stream().filter(Stage::open).toList();
        int last = 0;
        while (last < open.size() - 1 && open.get(last).optional()) {
            last++;
        }
        return open.isEmpty() ? List.of() : open.subList(0, last + 1);
    }

    public Optional<Stage> stage(String code) {
        return stages.stream().filter(stage -> stage.stage().equals(code)).findFirst();
    }

    public String label(String code) {
        return stage(code).map(Stage::label).orElse(code);
    }

    public boolean inForce() {
        return inForceOn != null;
    }

    public boolean stopped() {
        return stoppedAt != null;
    }

    /** "Wetswijziging" or "Beleidswijziging". */
    public String kindLabel() {
        return "law".equals(changeKind) ? "Wetswijziging" : "Beleidswijziging";
    }
}
