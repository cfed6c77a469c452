package nl.doorbraak.demo;

import nl.doorbraak.assessment.AssessmentTasks;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.UserDirectory;

/**
 * The demo requests of the programme (shared/domain/reference-data.md), submitted through the
 * real submission path and moved along by completing tasks as the demo users would, so the
 * quick start shows cases at intake, in assessment and waiting for the municipality. Each is
 * submitted once, under an idempotency key; a restart finds them and leaves them as they are.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "doorbraak.demo.cases", havingValue = "true")
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private final RequestSubmission submission;
    private final UserDirectory users;
    private final TaskService taskService;
    private final IdentityService identityService;

    DemoCases(RequestSubmission submission, UserDirectory users, TaskService taskService,
              IdentityService identityService) {
        this.submission = submission;
        this.users = users;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        String rotterdam = submit("rotterdam", "demo-rotterdam-zuid", request("rotterdam-zuid",
                "Kostendelersnorm voor thuiswonende jongvolwassenen",
                "participatiewet", null, "art. 19a en 22a", List.of("income-support"),
                "Jongvolwassenen (21-27 jaar) die bij hun ouders wonen, verlagen door de kostendelersnorm de "
                        + "bijstand van het huishouden. Gezinnen raken in de schulden of jongeren vertrekken zonder woning.",
                "Vrijstelling van de kostendelersnorm voor huishoudens in Rotterdam-Zuid met een jongvolwassene "
                        + "in een traject naar werk of opleiding.",
                "temporary-exemption", 2400, "urgent", "Samira El Amrani", "s.elamrani@rotterdam.example"));
        String amsterdam = submit("amsterdam", "demo-amsterdam-zuidoost", request("amsterdam-zuidoost",
                "Gegevens delen rond gezinnen met meervoudige problematiek",
                "uitvoeringswet-avg", "Uitvoeringswet AVG; Jeugdwet", "art. 7.1.1.1 Jeugdwet", List.of("data-sharing", "youth-care", "education"),
                "Scholen, jeugdhulp en wijkagenten mogen geen gegevens delen over gezinnen waar zij alle drie "
                        + "zorgen over hebben, waardoor niemand het hele beeld heeft.",
                "Een wettelijke grondslag voor gegevensdeling binnen het wijkteam Zuidoost, met een "
                        + "privacytoets vooraf.",
                "law-change", 900, "normal", "Kees Bakker", "k.bakker@amsterdam.example"));
        submit("den-haag", "demo-den-haag-zuidwest", request("den-haag-zuidwest",
                "Woonscreening uitbreiden naar meer straten",
                "wet-grootstedelijke-problematiek", null, "art. 8 en 9",
                List.of("housing-allocation"),
                "De screening van nieuwe huurders geldt nu voor twaalf straten; de overlast verplaatst zich "
                        + "naar de straten ernaast.",
                "Aanwijzing van dertig extra straten in Den Haag Zuidwest voor vier jaar.",
                "policy-change", 15000, "normal", "Ruud Jansen", "r.jansen@denhaag.example"));
        String groningen = submit("groningen", "demo-groningen-noord", request("groningen-noord",
                "Publieke schulden van inwoners in één regeling",
                "wet-schuldhulpverlening", "Wet gemeentelijke schuldhulpverlening; Awir", null, List.of("debt-assistance", "benefits-and-allowances"),
                "Inwoners met schulden bij de gemeente, Belastingdienst/Toeslagen en CJIB krijgen te maken met "
                        + "drie invorderingen die elkaars regelingen doorkruisen.",
                "De gemeente neemt de publieke schulden over en treft één regeling met de inwoner.",
                "experiment", 350, "normal", "Anke Visser", "a.visser@groningen.example"));

        // the same obstacle as Rotterdam-Zuid's, in another focus area: after its intake the two make a
        // recurring obstacle, and a signal asks SZW for a structural answer
        String schiedam = submit("schiedam", "demo-schiedam-nieuwland", request("schiedam-nieuwland",
                "Kostendelersnorm houdt jongeren uit het gezin",
                "participatiewet", null, "artikel 19a en 22a", List.of("income-support"),
                "In Nieuwland-Oost wonen veel gezinnen met een bijstandsuitkering. Zodra een kind 21 wordt, "
                        + "daalt de uitkering van de ouders door de kostendelersnorm; jongeren schrijven zich "
                        + "uit of vertrekken zonder vaste woonplek, en hulpverleners verliezen hen uit het oog.",
                "De kostendelersnorm twee jaar niet toepassen op jongvolwassenen tot 27 jaar in Nieuwland-Oost "
                        + "die een opleiding volgen of in een traject naar werk zitten.",
                "temporary-exemption", 600, "normal", "Fatima Ouali", "f.ouali@schiedam.example"));

        String heerlen = submit("heerlen", "demo-heerlen-noord", RequestKind.BUDGET_POOLING, heerlenNoord());

        if (heerlen != null) {
            complete(heerlen, AssessmentTasks.CHECK_BUDGET_LINES, "programme-office", Map.of("intakeOutcome", "complete",
                    "intakeNote", "Drie regelingen met één eigenaar per regel; bedragen sluiten aan op de beschikkingen."));
            complete(heerlen, AssessmentTasks.ASSESS, "reviewer-ocw", Map.of("assessmentOutcome", "advice", "advice", "support",
                    "rationale", "De verlengde leertijd blijft herkenbaar in de gezamenlijke verantwoording."));
        }
        if (rotterdam != null) {
            complete(rotterdam, AssessmentTasks.INTAKE, "programme-office", Map.of("intakeOutcome", "complete",
                    "ruleDomains", List.of("income-support")));
        }
        if (schiedam != null) {
            // after Rotterdam's intake: the second focus area on the same rule starts the signal
            complete(schiedam, AssessmentTasks.INTAKE, "programme-office", Map.of("intakeOutcome", "complete",
                    "ruleDomains", List.of("income-support")));
        }
        if (amsterdam != null) {
            complete(amsterdam, AssessmentTasks.INTAKE, "programme-office", Map.of("intakeOutcome", "complete",
                    "ruleDomains", List.of("data-sharing", "youth-care", "education")));
            complete(amsterdam, AssessmentTasks.ASSESS, "reviewer-jenv", Map.of("assessmentOutcome", "advice",
                    "advice", "support-with-conditions",
                    "rationale", "Past binnen de verkenning naar een wettelijke grondslag voor samenwerkingsverbanden.",
                    "conditions", "Alleen met een privacytoets vooraf en een evaluatie na twee jaar.",
                    "proposedInstrument", "experiment"));
        }
        if (groningen != null) {
            complete(groningen, AssessmentTasks.INTAKE, "programme-office", Map.of("intakeOutcome", "information-needed",
                    "informationQuestion", "Om hoeveel inwoners en welke schuldeisers gaat het per jaar?",
                    "ruleDomains", List.of("debt-assistance", "benefits-and-allowances")));
        }
    }

    private String submit(String userId, String key, Map<String, ?> input) {
        return submit(userId, key, RequestKind.RULE_CHANGE, input);
    }

    /** Submits the request once; returns its reference if it is new, or null if it existed already. */
    private String submit(String userId, String key, RequestKind kind, Map<String, ?> input) {
        DoorbraakUser user = users.find(userId).orElseThrow();
        RequestSubmission.Submitted submitted = submission.submit(kind, input, user, key);
        if (!submitted.replayed()) {
            log.info("Demo request {} submitted by {}", submitted.request().reference(), userId);
        }
        return submitted.replayed() ? null : submitted.request().reference();
    }

    private void complete(String reference, String taskKey, String userId, Map<String, ?> variables) {
        DoorbraakUser user = users.find(userId).orElseThrow();
        Set<String> groups = user.groups();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
                .taskCandidateGroupIn(List.copyOf(groups)).singleResult();
        identityService.setAuthentication(user.id(), List.copyOf(groups));
        try {
            taskService.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Heerlen-Noord pools three earmarked budgets for 2026–2028 (reference-data.md). */
    /** The body an API client would send; see the API documentation of {@code POST /api/v1/requests}. */
    private static Map<String, ?> heerlenNoord() {
        List<Integer> years = List.of(2026, 2027, 2028);
        var input = new HashMap<String, Object>();
        input.put("focusArea", "heerlen-noord");
        input.put("title", "Eén budget voor kansen van jongeren in Heerlen-Noord");
        input.put("purpose", "Verlengde leertijd op school, een baangarantie voor jongeren en een gezonde leefomgeving "
                + "als één aanpak, met één budget en één verantwoording.");
        input.put("firstYear", 2026);
        input.put("lastYear", 2028);
        input.put("budgetLines", List.of(
                Map.of("ministry", "ocw", "regulation", "ocw-school-en-omgeving", "amount", "2400000.00", "years", years),
                Map.of("ministry", "szw", "regulation", "szw-baangarantie-jongeren", "amount", "800000.00", "years", years),
                Map.of("ministry", "vws", "regulation", "vws-gezonde-leefomgeving", "amount", "300000.00", "years", years)));
        input.put("requestedInstrument", "pooled-specific-grant");
        input.put("accountabilityArrangement", "Eén verantwoording per jaar via SiSa over het gebundelde budget, "
                + "met de besteding per doel.");
        input.put("urgency", "normal");
        input.put("contactName", "Lotte Ramakers");
        input.put("contactEmail", "l.ramakers@heerlen.example");
        return input;
    }

    /** A rule-change request on a catalogue entry; {@code regulation} adds words of the municipality's own, or null. */
    private static Map<String, ?> request(String focusArea, String title, String nationalRule, String regulation,
                                               String article,
                                               List<String> ruleDomains, String conflict, String proposal,
                                               String instrument, long residents, String urgency, String contactName,
                                               String contactEmail) {
        var input = new HashMap<String, Object>();
        input.put("focusArea", focusArea);
        input.put("title", title);
        input.put("nationalRule", nationalRule);
        if (regulation != null) {
            input.put("regulation", regulation);
        }
        if (article != null) {
            input.put("article", article);
        }
        input.put("ruleDomains", ruleDomains);
        input.put("conflict", conflict);
        input.put("proposedSolution", proposal);
        input.put("requestedInstrument", instrument);
        input.put("residentsAffected", residents);
        input.put("urgency", urgency);
        input.put("contactName", contactName);
        input.put("contactEmail", contactEmail);
        return input;
    }
}
