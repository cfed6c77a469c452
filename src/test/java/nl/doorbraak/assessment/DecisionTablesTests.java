package nl.doorbraak.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Evaluates the four DMN tables of {@code processes/} with the standalone DMN engine (no Spring, no database),
 * configured like the process engine of Camunda 7.24 configures it: FEEL by feel-scala everywhere, no legacy
 * JUEL behaviour. Every table has a test that evaluates a list of cases, collects the ids of the rules they matched
 * through a decision table evaluation listener, and proves that every rule of the table was hit.
 */
class DecisionTablesTests {

    private static final String DMN_MODEL_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    private static final List<String> TABLES =
            List.of("responsible-ministries", "consolidated-advice", "decision-authority", "deadlines", "signal-threshold",
                    "instrument-duration", "implementation-trigger", "implementation-stages", "case-deadlines");

    /** Ids of the rules matched per decision key, recorded by a listener on the engine of this test. */
    private final Map<String, Set<String>> hitRules = new HashMap<>();
    private final DmnEngine dmnEngine = buildEngine();

    private DmnEngine buildEngine() {
        DmnDecisionTableEvaluationListener recordMatchedRules = event -> event.getMatchingRules()
                .forEach(rule -> hitRules.computeIfAbsent(event.getDecision().getKey(), key -> new LinkedHashSet<>())
                        .add(rule.getId()));
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration
                .enableFeelLegacyBehavior(false)
                .feelEngineFactory(new ScalaFeelEngineFactory())
                .customPostDecisionTableEvaluationListeners(List.of(recordMatchedRules));
        return configuration.buildEngine();
    }

    // ---------------------------------------------------------------- responsible-ministries

    @Test
    void amsterdamZuidoostsDataSharingRequestIsRoutedToJusticeHealthAndEducation() {
        assertThat(ministriesFor("rule-change", List.of("data-sharing", "youth-care", "education"), List.of()))
                .containsExactlyInAnyOrder("jenv", "vws", "ocw");
    }

    @Test
    void groningensPublicDebtRequestIsRoutedToSocialAffairsAndFinance() {
        assertThat(ministriesFor("rule-change", List.of("debt-assistance", "benefits-and-allowances"), List.of()))
                .containsExactlyInAnyOrder("szw", "fin");
    }

    @Test
    void twoRuleDomainsOfOneMinistryCollectThatMinistryTwiceWhichTheCallerDeduplicates() {
        List<String> collected = ministriesFor("rule-change", List.of("income-support", "debt-assistance"), List.of());

        assertThat(collected).containsExactly("szw", "szw");
        assertThat(Set.copyOf(collected)).containsExactly("szw");
    }

    @Test
    void aBudgetPoolingRequestIsRoutedToTheOwnersOfItsBudgetLinesAndItsRuleDomainsAreIgnored() {
        assertThat(ministriesFor("budget-pooling", List.of("data-sharing", "municipal-finance"), List.of("ocw", "szw", "vws")))
                .containsExactlyInAnyOrder("ocw", "szw", "vws");
    }

    @Test
    void anUnknownRuleDomainRoutesNowhere() {
        assertThat(ministriesFor("rule-change", List.of("astrology"), List.of())).isEmpty();
        assertThat(ministriesFor("rule-change", List.of(), List.of())).isEmpty();
        assertThat(ministriesFor("budget-pooling", List.of(), List.of("ministry-of-magic"))).isEmpty();
    }

    @Test
    void aMissingOrNullListOfDomainsOrOwnersRoutesNothingFromItWithoutFailing() {
        Map<String, Object> withoutBudgetOwners = new HashMap<>();
        withoutBudgetOwners.put("kind", "rule-change");
        withoutBudgetOwners.put("ruleDomains", List.of("education"));
        assertThat(evaluate("responsible-ministries", withoutBudgetOwners).<String>collectEntries("ministry"))
                .containsExactly("ocw");

        Map<String, Object> nullRuleDomains = new HashMap<>();
        nullRuleDomains.put("kind", "budget-pooling");
        nullRuleDomains.put("ruleDomains", null);
        nullRuleDomains.put("budgetOwners", List.of("fin"));
        assertThat(evaluate("responsible-ministries", nullRuleDomains).<String>collectEntries("ministry"))
                .containsExactly("fin");

        nullRuleDomains.put("kind", "rule-change");
        assertThat(evaluate("responsible-ministries", nullRuleDomains).<String>collectEntries("ministry")).isEmpty();
    }

    @Test
    void aRuleChangeRequestIgnoresBudgetOwners() {
        assertThat(ministriesFor("rule-change", List.of("education"), List.of("fin", "bzk")))
                .containsExactly("ocw");
    }

    @Test
    void everyRuleOfResponsibleMinistriesIsHitByTheRoutingOfEveryRuleDomainAndEveryBudgetOwner() {
        Map<String, String> ownerOfDomain = new LinkedHashMap<>();
        ownerOfDomain.put("income-support", "szw");
        ownerOfDomain.put("debt-assistance", "szw");
        ownerOfDomain.put("childcare", "szw");
        ownerOfDomain.put("work-and-reintegration", "szw");
        ownerOfDomain.put("youth-care", "vws");
        ownerOfDomain.put("social-support", "vws");
        ownerOfDomain.put("public-health", "vws");
        ownerOfDomain.put("education", "ocw");
        ownerOfDomain.put("safety-and-crime", "jenv");
        ownerOfDomain.put("data-sharing", "jenv");
        ownerOfDomain.put("housing-allocation", "vro");
        ownerOfDomain.put("housing-and-building", "vro");
        ownerOfDomain.put("municipal-finance", "bzk");
        ownerOfDomain.put("benefits-and-allowances", "fin");

        ownerOfDomain.forEach((domain, ministry) -> assertThat(ministriesFor("rule-change", List.of(domain), List.of()))
                .as("rule domain %s", domain)
                .containsExactly(ministry));
        for (String ministry : List.of("bzk", "vro", "szw", "ocw", "jenv", "vws", "fin")) {
            assertThat(ministriesFor("budget-pooling", List.of(), List.of(ministry)))
                    .as("budget owner %s", ministry)
                    .containsExactly(ministry);
        }
        // every domain at once routes to every ministry except none: the union of their owners
        assertThat(Set.copyOf(ministriesFor("rule-change", List.copyOf(ownerOfDomain.keySet()), List.of())))
                .containsExactlyInAnyOrderElementsOf(Set.copyOf(ownerOfDomain.values()));

        assertEveryRuleHit("responsible-ministries");
    }

    private List<String> ministriesFor(String kind, List<String> ruleDomains, List<String> budgetOwners) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("kind", kind);
        variables.put("ruleDomains", new ArrayList<>(ruleDomains));
        variables.put("budgetOwners", new ArrayList<>(budgetOwners));
        return evaluate("responsible-ministries", variables).collectEntries("ministry");
    }

    // ---------------------------------------------------------------- consolidated-advice

    @Test
    void everyRuleOfConsolidatedAdviceIsHitAndEachCombinationOfAdvicesGetsTheRightOutcome() {
        // support, conditions, reject -> consolidated advice, route
        assertAdvice(3, 0, 0, "unanimous-support", "decide");
        assertAdvice(1, 0, 0, "unanimous-support", "decide");          // boundary: a single supporting ministry
        assertAdvice(2, 1, 0, "support-with-conditions", "decide");
        assertAdvice(0, 1, 0, "support-with-conditions", "decide");    // boundary: only conditions, no plain support
        assertAdvice(0, 0, 2, "unanimous-reject", "decide");
        assertAdvice(0, 0, 1, "unanimous-reject", "decide");           // boundary: a single rejecting ministry
        assertAdvice(1, 0, 1, "diverging", "coordinate");
        assertAdvice(2, 3, 1, "diverging", "coordinate");              // support and conditions against a reject
        assertAdvice(0, 1, 1, "diverging", "coordinate");
        assertAdvice(0, 4, 2, "diverging", "coordinate");
        assertAdvice(0, 0, 0, "no-advice", "coordinate");
        assertAdvice(7, 0, 0, "unanimous-support", "decide");          // all seven ministries

        assertEveryRuleHit("consolidated-advice");
    }

    @Test
    void exactlyOneConsolidatedAdviceRuleMatchesEveryCombinationOfUpToThreeAdvicesPerKind() {
        for (int support = 0; support <= 3; support++) {
            for (int conditions = 0; conditions <= 3; conditions++) {
                for (int reject = 0; reject <= 3; reject++) {
                    Map<String, Object> counts = Map.of(
                            "supportCount", support, "conditionsCount", conditions, "rejectCount", reject);
                    // UNIQUE hit policy fails the evaluation itself when two rules overlap
                    DmnDecisionTableResult result = evaluate("consolidated-advice", counts);
                    assertThat(result).as("support %d, conditions %d, reject %d", support, conditions, reject)
                            .hasSize(1);
                    String expectedRoute = reject > 0 && support + conditions > 0 || support + conditions + reject == 0
                            ? "coordinate" : "decide";
                    assertThat(result.getSingleResult().<String>getEntry("route")).isEqualTo(expectedRoute);
                }
            }
        }
    }

    private void assertAdvice(int support, int conditions, int reject, String advice, String route) {
        DmnDecisionRuleResult result = evaluate("consolidated-advice", Map.of(
                "supportCount", support, "conditionsCount", conditions, "rejectCount", reject)).getSingleResult();
        assertThat(result.getEntryMap())
                .as("support %d, conditions %d, reject %d", support, conditions, reject)
                .containsExactlyInAnyOrderEntriesOf(Map.of("consolidatedAdvice", advice, "route", route));
    }

    // ---------------------------------------------------------------- decision-authority

    @Test
    void everyRuleOfDecisionAuthorityIsHitAndFinanceCoSignsOnlyPoolingAboveTheThresholdThatIsNotUnanimouslyRejected() {
        assertAuthority("rule-change", 0.0, "unanimous-support", false);
        assertAuthority("rule-change", 0.0, "diverging", false);
        assertAuthority("budget-pooling", 0.0, "unanimous-support", false);
        assertAuthority("budget-pooling", 1_000_000.0, "diverging", false);          // exactly at the threshold
        assertAuthority("budget-pooling", 1_000_000.0, "unanimous-reject", false);
        assertAuthority("budget-pooling", 1_000_000.01, "diverging", true);           // one cent above
        assertAuthority("budget-pooling", 1_000_000.01, "unanimous-reject", false);
        assertAuthority("budget-pooling", 3_500_000.0, "diverging", true);            // Heerlen-Noord: 2.4M + 0.8M + 0.3M
        assertAuthority("budget-pooling", 3_500_000.0, "support-with-conditions", true);
        assertAuthority("budget-pooling", 3_500_000.0, "unanimous-support", true);
        assertAuthority("budget-pooling", 3_500_000.0, "unanimous-reject", false);   // a refusal needs no co-signature
        assertAuthority("join", 0.0, "not-applicable", false);                        // a join asks no advice, moves no money

        assertEveryRuleHit("decision-authority");
    }

    @Test
    void anAmountPassedAsAnIntegerOrLongIsComparedWithTheThresholdAsWell() {
        assertAuthority("budget-pooling", 1_000_000, "diverging", false);
        assertAuthority("budget-pooling", 3_500_000L, "diverging", true);
    }

    @Test
    void aJoinWithoutConsolidatedAdviceIsDecidedByTheDirector() {
        // the join process asks the table without advice: there is no assessment by ministries to consolidate
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("kind", "join");
        variables.put("totalAmount", 0.0);
        variables.put("consolidatedAdvice", null);
        assertThat(evaluate("decision-authority", variables).getSingleResult().getEntryMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("decider", "programme-director", "coSignRequired", false));
    }

    private void assertAuthority(String kind, Number totalAmount, String consolidatedAdvice, boolean coSignRequired) {
        DmnDecisionRuleResult result = evaluate("decision-authority", Map.of(
                "kind", kind, "totalAmount", totalAmount, "consolidatedAdvice", consolidatedAdvice)).getSingleResult();
        assertThat(result.getEntryMap())
                .as("%s of EUR %s with advice %s", kind, totalAmount, consolidatedAdvice)
                .containsExactlyInAnyOrderEntriesOf(Map.of("decider", "programme-director", "coSignRequired", coSignRequired));
    }

    // ---------------------------------------------------------------- deadlines

    @Test
    void everyRuleOfDeadlinesIsHitByEveryTaskTypeAtEveryUrgency() {
        // task type -> {period, reminder} for normal, then for urgent; every human step in working days
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("intake", List.of("P5D", "P1D", "P5D", "P1D"));
        expected.put("information", List.of("P10D", "P2D", "P10D", "P2D"));
        expected.put("assessment", List.of("P20D", "P4D", "P8D", "P2D"));
        expected.put("escalation", List.of("P5D", "P1D", "P5D", "P1D"));
        expected.put("coordination", List.of("P8D", "P2D", "P8D", "P2D"));
        expected.put("decision", List.of("P10D", "P2D", "P4D", "P1D"));
        expected.put("co-signature", List.of("P8D", "P2D", "P8D", "P2D"));
        expected.put("evaluation-delivery", List.of("P22D", "P5D", "P22D", "P5D"));
        expected.put("evaluation-assessment", List.of("P10D", "P2D", "P10D", "P2D"));
        expected.put("accountability-report", List.of("P42D", "P10D", "P42D", "P10D"));
        expected.put("accountability-check", List.of("P22D", "P5D", "P22D", "P5D"));
        expected.put("signal-answer", List.of("P30D", "P5D", "P30D", "P5D"));
        expected.put("join-intake", List.of("P5D", "P1D", "P5D", "P1D"));
        expected.put("join-confirmation", List.of("P8D", "P2D", "P8D", "P2D"));
        expected.put("join-decision", List.of("P8D", "P2D", "P8D", "P2D"));
        // counted back from the end date in the decision, not forward from a task
        expected.put("exemption-end", List.of("P0D", "P3M", "P0D", "P3M"));

        expected.forEach((taskType, periods) -> {
            assertDeadline(taskType, "normal", periods.get(0), periods.get(1));
            assertDeadline(taskType, "urgent", periods.get(2), periods.get(3));
        });

        assertEveryRuleHit("deadlines");
    }

    /** Who must intervene when a step is overdue; the assessment and the signal escalate to the ministry's lead in their models. */
    private static final Map<String, String> ESCALATE_TO = Map.ofEntries(
            Map.entry("intake", "programme-director"), Map.entry("join-intake", "programme-director"),
            Map.entry("coordination", "programme-director"), Map.entry("evaluation-assessment", "programme-director"),
            Map.entry("accountability-check", "programme-director"),
            Map.entry("decision", "programme-office"), Map.entry("join-decision", "programme-office"),
            Map.entry("evaluation-delivery", "programme-office"), Map.entry("accountability-report", "programme-office"),
            Map.entry("co-signature", "ministry-fin-lead"));

    @Test
    void anUnknownTaskTypeHasNoDeadline() {
        assertThat(evaluate("deadlines", Map.of("taskType", "coffee", "urgency", "normal"))).isEmpty();
    }

    private void assertDeadline(String taskType, String urgency, String period, String reminderBefore) {
        DmnDecisionRuleResult result =
                evaluate("deadlines", Map.of("taskType", taskType, "urgency", urgency)).getSingleResult();
        assertThat(result.getEntryMap())
                .as("%s at urgency %s", taskType, urgency)
                .containsEntry("period", period).containsEntry("reminderBefore", reminderBefore)
                .containsEntry("counting", "exemption-end".equals(taskType) ? "calendar-days" : "working-days")
;
        assertThat(result.getEntryMap().get("escalateTo")).as("escalation of %s", taskType).isEqualTo(ESCALATE_TO.get(taskType));
        Period due = Period.parse(result.getEntry("period"));
        Period reminder = Period.parse(result.getEntry("reminderBefore"));
        if ("exemption-end".equals(taskType)) {
            // the reminder before an end date: a positive period, nothing counted from a task
            assertThat(due).isEqualTo(Period.ZERO);
            assertThat(reminder.isNegative() || reminder.isZero()).isFalse();
            return;
        }
        assertThat(reminder.getDays()).as("the reminder goes out after the task was created").isLessThan(due.getDays());
    }

    // ---------------------------------------------------------------- signal-threshold

    @Test
    void everyRuleOfSignalThresholdIsHitAndTwoFocusAreasMakeARecurringObstacleForEveryMinistryAndDomain() {
        for (String ministry : List.of("szw", "vws", "ocw", "jenv", "vro", "bzk", "fin")) {
            for (String domain : java.util.Arrays.asList("income-support", "youth-care", "housing-allocation", null)) {
                Map<String, Object> inputs = new HashMap<>();
                inputs.put("ministry", ministry);
                inputs.put("ruleDomain", domain);
                assertThat(evaluate("signal-threshold", inputs).getSingleResult().getEntryMap())
                        .as("%s, %s", ministry, domain).containsExactlyEntriesOf(Map.of("focusAreas", 2));
            }
        }
        assertEveryRuleHit("signal-threshold");
    }

    // ---------------------------------------------------------------- instrument-duration

    @Test
    void everyRuleOfInstrumentDurationIsHitAndOnlyInstrumentsWithAnEndHaveADuration() {
        assertThat(evaluate("instrument-duration", Map.of("instrument", "experiment")).getSingleResult().getEntryMap())
                .containsExactlyEntriesOf(Map.of("duration", "P3Y"));
        assertThat(evaluate("instrument-duration", Map.of("instrument", "temporary-exemption")).getSingleResult()
                .getEntryMap()).containsExactlyEntriesOf(Map.of("duration", "P2Y"));
        for (String structural : List.of("law-change", "policy-change", "clarification")) {
            assertThat(evaluate("instrument-duration", Map.of("instrument", structural))).as(structural).isEmpty();
        }
        assertEveryRuleHit("instrument-duration");
    }

    // ---------------------------------------------------------------- implementation-trigger, implementation-stages

    @Test
    void everyRuleOfImplementationTriggerIsHitAndOnlyAGrantedChangeOrAStructuralExperimentOrExemptionIsFollowed() {
        assertTrigger("rule-change", "decision", "law-change", "law");
        assertTrigger("rule-change", "decision", "policy-change", "policy");
        assertTrigger("rule-change", "make-structural", "experiment", "law");
        assertTrigger("rule-change", "make-structural", "temporary-exemption", "policy");
        assertTrigger("rule-change", "decision", "experiment", null);
        assertTrigger("rule-change", "decision", "temporary-exemption", null);
        assertTrigger("rule-change", "decision", "clarification", null);
        assertTrigger("rule-change", "make-structural", "law-change", null);
        assertTrigger("join", "decision", "law-change", null);
        assertTrigger("join", "make-structural", "experiment", null);
        assertTrigger("budget-pooling", "decision", "budget-pooling", null);
        assertEveryRuleHit("implementation-trigger");
    }

    private void assertTrigger(String requestKind, String trigger, String instrument, String changeKind) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("requestKind", requestKind);
        inputs.put("trigger", trigger);
        inputs.put("instrument", instrument);
        var result = evaluate("implementation-trigger", inputs);
        if (changeKind == null) {
            assertThat(result).as("%s %s %s", requestKind, trigger, instrument).isEmpty();
        } else {
            assertThat(result.getSingleResult().getEntryMap()).as("%s %s %s", requestKind, trigger, instrument)
                    .containsExactlyEntriesOf(Map.of("changeKind", changeKind));
        }
    }

    @Test
    void everyRuleOfImplementationStagesIsHitAndALawPassesTheCouncilOfStateWhileAPolicyMaySkipConsultation() {
        assertThat(evaluate("implementation-stages", Map.of("changeKind", "law")).getResultList()).extracting(
                        row -> row.get("sequence") + " " + row.get("stage") + " " + row.get("label") + " "
                                + row.get("period") + " " + row.get("reminderBefore") + " " + row.get("optional"))
                .containsExactly("1 drafting Voorbereiding P6M P14D false", "2 consultation Consultatie P3M P14D false",
                        "3 council-of-state Advies Raad van State P4M P14D false",
                        "4 publication Publicatie in het Staatsblad P6M P14D false",
                        "5 in-force Inwerkingtreding P3M P14D false");
        assertThat(evaluate("implementation-stages", Map.of("changeKind", "policy")).getResultList()).extracting(
                        row -> row.get("sequence") + " " + row.get("stage") + " " + row.get("period") + " "
                                + row.get("optional"))
                .containsExactly("1 drafting P3M false", "2 consultation P2M true", "3 publication P1M false",
                        "4 in-force P1M false");
        assertThat(evaluate("implementation-stages", Map.of("changeKind", "exemption"))).isEmpty();
        assertEveryRuleHit("implementation-stages");
    }

    // ---------------------------------------------------------------- all tables

    // ---------------------------------------------------------------- case-deadlines

    @Test
    void everyRuleOfCaseDeadlinesIsHitAndEveryKindHasAPeriodAtEveryUrgencyThatUrgencyShortens() {
        // the Awb default of eight weeks for a rule change; pooling takes longer, a join follows a precedent
        assertCaseDeadline("rule-change", "normal", 40, 30);
        assertCaseDeadline("rule-change", "urgent", 20, 10);
        assertCaseDeadline("budget-pooling", "normal", 60, 30);
        assertCaseDeadline("budget-pooling", "urgent", 40, 20);
        assertCaseDeadline("join", "normal", 20, 10);
        assertCaseDeadline("join", "urgent", 10, 5);
        assertThat(evaluate("case-deadlines", Map.of("kind", "signal", "urgency", "normal"))).isEmpty();
        assertEveryRuleHit("case-deadlines");
    }

    private void assertCaseDeadline(String kind, String urgency, int periodDays, int maxExtensionDays) {
        DmnDecisionRuleResult result = evaluate("case-deadlines", Map.of("kind", kind, "urgency", urgency))
                .getSingleResult();
        assertThat(result).as("%s %s", kind, urgency).isNotNull();
        assertThat(((Number) result.getEntry("periodDays")).intValue()).as("%s %s", kind, urgency).isEqualTo(periodDays);
        assertThat(((Number) result.getEntry("maxExtensionDays")).intValue()).as("%s %s", kind, urgency)
                .isEqualTo(maxExtensionDays);
    }

    @Test
    void everyTableIsAValidDmn13ModelThatKeepsHistoryForTenYearsExplainsEveryRuleAndCanBeDrawn() throws Exception {
        for (String table : TABLES) {
            DmnModelInstance model;
            try (InputStream in = open(table)) {
                model = Dmn.readModelFromStream(in); // validates against the DMN 1.3 and DMNDI schemas
            }
            assertThat(model.getDefinitions().getDomElement().getNamespaceURI()).isEqualTo(DMN_MODEL_NS);
            Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
            assertThat(decisions).as(table).singleElement().satisfies(decision -> {
                assertThat(decision.getId()).isEqualTo(table);
                assertThat(decision.getName()).isNotBlank();
                assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
            });
            for (Rule rule : model.getModelElementsByType(Rule.class)) {
                assertThat(rule.getDescription()).as("description of %s in %s", rule.getId(), table).isNotNull();
                assertThat(rule.getDescription().getTextContent()).as("description of %s", rule.getId()).isNotBlank();
            }

            Document xml;
            try (InputStream in = open(table)) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                xml = factory.newDocumentBuilder().parse(in);
            }
            assertThat(xml.getElementsByTagNameNS(DMNDI_NS, "DMNDiagram").getLength()).as(table).isEqualTo(1);
            NodeList shapes = xml.getElementsByTagNameNS(DMNDI_NS, "DMNShape");
            assertThat(shapes.getLength()).as(table).isEqualTo(1);
            assertThat(((Element) shapes.item(0)).getAttribute("dmnElementRef")).isEqualTo(table);
        }
    }

    // ---------------------------------------------------------------- helpers

    private DmnDecisionTableResult evaluate(String table, Map<String, Object> variables) {
        return dmnEngine.evaluateDecisionTable(decision(table), variables);
    }

    private final Map<String, DmnDecision> decisions = new HashMap<>();

    private DmnDecision decision(String table) {
        return decisions.computeIfAbsent(table, key -> {
            try (InputStream in = open(key)) {
                return dmnEngine.parseDecision(key, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private InputStream open(String table) {
        InputStream in = getClass().getResourceAsStream("/processes/" + table + ".dmn");
        assertThat(in).as("/processes/%s.dmn on the classpath", table).isNotNull();
        return in;
    }

    private void assertEveryRuleHit(String table) {
        DmnDecisionTableImpl decisionTable = (DmnDecisionTableImpl) decision(table).getDecisionLogic();
        Set<String> allRules = decisionTable.getRules().stream()
                .map(DmnDecisionTableRuleImpl::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> hit = new TreeSet<>(hitRules.getOrDefault(table, Set.of()));
        Set<String> missed = new TreeSet<>(allRules);
        missed.removeAll(hit);

        System.out.printf("DMN coverage %s: %d of %d rules hit %s%n", table, hit.size(), allRules.size(), hit);

        assertThat(missed).as("rules of %s that no case hit", table).isEmpty();
        assertThat(hit).as("rules hit in %s", table).isEqualTo(allRules);
    }
}
