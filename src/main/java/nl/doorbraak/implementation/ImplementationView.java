package nl.doorbraak.implementation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.doorbraak.platform.CaseClock;

/**
 * A followed change as the request's reader sees it: what kind of change, at which ministry, the
 * stage reached and each stage's target and reached dates. The ministry's notes are not part of it.
 */
@Schema(description = "De doorvoering van een toegezegde wijziging van regels bij het verantwoordelijke ministerie")
public record ImplementationView(
        @Schema(description = "law of policy", example = "law") String changeKind,
        @Schema(example = "Wetswijziging") String changeKindLabel,
        @Schema(description = "decision (toegekend besluit) of make-structural (evaluatie: structureel maken)")
        String startedBy,
        @Schema(example = "szw") String ministry,
        @Schema(example = "SZW") String ministryName,
        @Schema(description = "De laatst bereikte fase; leeg zolang er nog geen is bereikt") String currentStage,
        String currentStageLabel,
        @Schema(description = "De fase waar het ministerie nu aan werkt; leeg als de regel in werking is") String nextStage,
        LocalDate inForceOn,
        @Schema(description = "Of de streefdatum van de volgende fase verstreken is") boolean overdue,
        @Schema(description = "Wanneer het volgen stopte omdat het besluit werd ingetrokken; leeg zolang het loopt")
        OffsetDateTime stoppedAt,
        @Schema(description = "De reden van de intrekking van het besluit") String stopReason,
        List<StageView> stages) {

    public record StageView(String stage, String label, boolean optional, LocalDate targetOn, LocalDate reachedOn,
                            boolean skipped) {
    }

    static ImplementationView of(ImplementationChange change, String ministryName) {
        LocalDate today = CaseClock.dutchNow().toLocalDate();
        var next = change.nextStage();
        return new ImplementationView(change.changeKind(), change.kindLabel(), change.startedByStep(),
                change.ministryCode(), ministryName, change.currentStage(),
                change.currentStage() == null ? null : change.label(change.currentStage()),
                next.map(ImplementationChange.Stage::stage).orElse(null), change.inForceOn(),
                next.map(stage -> stage.overdueOn(today)).orElse(false), change.stoppedAt(), change.stopReason(),
                change.stages().stream().map(stage -> new StageView(stage.stage(), stage.label(), stage.optional(),
                        stage.targetOn(), stage.reachedOn(), stage.skipped())).toList());
    }
}
