package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.audit.AuditTrail;

/**
 * The yearly follow-up of a pooled budget: "Verantwoording vastleggen" stores the municipality's
 * report on a budget year, "Controle vastleggen" the programme office's conclusion. Called from
 * the model as {@code ${recordAccountability.delivered(execution)}} and
 * {@code ${recordAccountability.checked(execution)}}.
 */
@Component("recordAccountability")
public class RecordAccountability {

    private final AccountabilityReports reports;
    private final AuditTrail audit;

    RecordAccountability(AccountabilityReports reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    public void delivered(DelegateExecution execution) {
        int year = budgetYear(execution);
        String report = (String) execution.getVariable("accountabilityReport");
        BigDecimal spent = new BigDecimal(execution.getVariable("spentAmount").toString());
        String by = CaseVariables.currentUser(execution);
        reports.delivered(requestId(execution), year, report, spent, by);
        audit.about((String) execution.getVariable("reference")).by(by)
                .action(AuditAction.ACCOUNTABILITY_DELIVERED, "Verantwoording over " + year + " aangeleverd door de gemeente")
                .resource("accountability", requestId(execution) + "/" + year, "Verantwoording " + year)
                .explanation(report)
                .changes(null, Map.of("budgetYear", year, "spentAmount", spent.toPlainString()))
                .record();
    }

    public void checked(DelegateExecution execution) {
        int year = budgetYear(execution);
        String conclusion = (String) execution.getVariable("accountabilityConclusion");
        Object note = execution.getVariable("accountabilityNote");
        String by = CaseVariables.currentUser(execution);
        reports.checked(requestId(execution), year, conclusion, note == null ? null : note.toString(), by);
        audit.about((String) execution.getVariable("reference")).by(by)
                .action(AuditAction.ACCOUNTABILITY_CHECKED, "Verantwoording over " + year + " gecontroleerd: "
                        + Vocabulary.labelOf(AccountabilityConclusion.class, conclusion).toLowerCase(java.util.Locale.ROOT))
                .resource("accountability", requestId(execution) + "/" + year, "Verantwoording " + year)
                .explanation(note == null ? null : note.toString())
                .changes(null, conclusion)
                .record();
        if (!AccountabilityConclusion.REJECTED.is(conclusion)) {
            // the next year's form starts empty; a rejected report is shown again to be corrected
            execution.setVariable("accountabilityReport", null);
            execution.setVariable("spentAmount", null);
        }
    }

    private static int budgetYear(DelegateExecution execution) {
        return ((Number) execution.getVariable("budgetYear")).intValue();
    }

    private static UUID requestId(DelegateExecution execution) {
        return CaseVariables.requestId(execution);
    }
}
