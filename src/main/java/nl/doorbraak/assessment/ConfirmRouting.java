package nl.doorbraak.assessment;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.RequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.validation.InputValues;
import nl.doorbraak.request.Requests;

/**
 * "Routering vastleggen": the ministries the {@code responsible-ministries} table found (once
 * each), plus those the programme office added at intake, become the multi-instance
 * collection {@code ministries} and are recorded on the case file, with the rule domains as
 * the intake classified them, and with the catalogue entry and article the intake linked a
 * rule-change request to (audited, old and new, when they changed). Later steps, such as the
 * detection of recurring obstacles, read the link from the case file.
 */
@Component("confirmRouting")
class ConfirmRouting implements JavaDelegate {

    private final Requests requests;
    private final AuditTrail audit;
    private final NationalRules nationalRules;

    ConfirmRouting(Requests requests, AuditTrail audit, NationalRules nationalRules) {
        this.requests = requests;
        this.audit = audit;
        this.nationalRules = nationalRules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TreeSet<String> ministries = new TreeSet<>(InputValues.strings(execution.getVariable("routedMinistries")));
        ministries.addAll(InputValues.strings(execution.getVariable("extraMinistries")));
        if (ministries.isEmpty()) {
            throw new IllegalStateException("Routing found no ministry for request "
                    + execution.getVariable("reference"));
        }
        execution.setVariable("ministries", new ArrayList<>(ministries));
        requests.routeTo(CaseVariables.requestId(execution), ministries);
        List<String> domains = InputValues.strings(execution.getVariable("ruleDomains"));
        requests.reclassify(CaseVariables.requestId(execution), domains);
        audit.about(CaseVariables.reference(execution)).by(CaseVariables.currentUser(execution))
                .action(AuditAction.REQUEST_ROUTED, "Doorgestuurd naar " + String.join(", ", ministries).toUpperCase(Locale.ROOT))
                .resource("request", CaseVariables.requestId(execution).toString(), "Routering")
                .changes(null, Map.of("ministries", new ArrayList<>(ministries), "ruleDomains", domains))
                .record();
        recordLinkedRule(execution);
    }

    /**
     * The intake's form carries {@code nationalRule} and {@code article}, filled in from the case
     * file when the intake began (tasks.CaseContext); a request whose intake began before the
     * catalogue existed has neither, and keeps its link as it is.
     */
    private void recordLinkedRule(DelegateExecution execution) {
        if (!RequestKind.RULE_CHANGE.code().equals(execution.getVariable("kind")) || !execution.hasVariable("nationalRule")) {
            return;
        }
        UUID requestId = CaseVariables.requestId(execution);
        String nationalRule = (String) execution.getVariable("nationalRule");
        String article = NationalRules.articleKey((String) execution.getVariable("article"));
        Requests.LinkedRule before = requests.linkedRule(requestId);
        if (Objects.equals(before.nationalRule(), nationalRule) && Objects.equals(before.article(), article)) {
            return;
        }
        requests.linkRule(requestId, nationalRule, article);
        String display = nationalRule == null ? "Koppeling met de catalogus van regelingen verwijderd"
                : "Gekoppeld aan de catalogus: " + nationalRules.find(nationalRule).map(NationalRule::label)
                        .orElse(nationalRule) + (article == null ? "" : ", artikel " + article);
        audit.about(CaseVariables.reference(execution)).by(CaseVariables.currentUser(execution))
                .action(AuditAction.NATIONAL_RULE_LINKED, display)
                .resource("request", requestId.toString(), "Regeling uit de catalogus")
                .changes(link(before.nationalRule(), before.article()), link(nationalRule, article))
                .record();
    }

    private static Map<String, Object> link(String nationalRule, String article) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("nationalRule", nationalRule);
        link.put("article", article);
        return link;
    }
}
