package nl.doorbraak.request;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputValues;
import nl.doorbraak.platform.validation.Values;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.security.DoorbraakUser;

/**
 * Turns valid input into a case file and a running process, in one transaction: a request
 * that fails validation or whose process cannot start leaves no row and no process behind.
 * The API and the Tasklist start form both come through here.
 */
@Service
public class RequestSubmission {

    /** The outcome of a submission: the case file, and whether it was an idempotent replay. */
    public record Submitted(RequestRecord request, boolean replayed) {
    }

    private final Requests requests;
    private final ReferenceNumbers referenceNumbers;
    private final Map<RequestKind, SubmissionRules> rules = new java.util.EnumMap<>(RequestKind.class);
    private final BudgetLines budgetLines;
    private final ReferenceData referenceData;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final IdempotencyKeys idempotencyKeys;
    private final RequestContents contents;
    private final JoinSchema joinSchema;
    private final JoinPrecedents joinPrecedents;
    private final SubmissionReceipt receipt;
    private final ApplicationEventPublisher events;

    RequestSubmission(Requests requests, ReferenceNumbers referenceNumbers, List<SubmissionRules> rules,
                      BudgetLines budgetLines, ReferenceData referenceData, RuntimeService runtimeService,
                      AuditTrail audit, IdempotencyKeys idempotencyKeys, RequestContents contents,
                      JoinSchema joinSchema, JoinPrecedents joinPrecedents, SubmissionReceipt receipt,
                      ApplicationEventPublisher events) {
        this.receipt = receipt;
        this.events = events;
        this.contents = contents;
        this.joinSchema = joinSchema;
        this.joinPrecedents = joinPrecedents;
        this.requests = requests;
        this.idempotencyKeys = idempotencyKeys;
        this.referenceNumbers = referenceNumbers;
        rules.forEach(kindRules -> this.rules.put(kindRules.kind(), kindRules));
        this.budgetLines = budgetLines;
        this.referenceData = referenceData;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    /**
     * Submits a request through the API. With an idempotency key, a repeat of an earlier
     * submission returns that submission and starts nothing; a different submission under the
     * same key is refused.
     */
    @Transactional
    public Submitted submit(RequestKind kind, Map<String, ?> input, DoorbraakUser submitter, String idempotencyKey) {
        String municipality = municipalityOf(submitter);
        Values values = validate(kind, input, municipality, true);
        RequestContent content = RequestContent.of(kind, values);
        if (idempotencyKey != null) {
            idempotencyKeys.lock(municipality, idempotencyKey);
            Optional<RequestRecord> earlier = requests.findByIdempotencyKey(municipality, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().payload().equals(contents.json(content))) {
                    throw new IdempotencyKeyReusedException();
                }
                return new Submitted(earlier.get(), true);
            }
        }
        RequestRecord request = register(kind, values, municipality, submitter.id(), idempotencyKey);
        ProcessInstance instance = runtimeService.createMessageCorrelation(kind.startMessage())
                .processInstanceBusinessKey(request.reference())
                .setVariables(steeringVariables(request, content))
                .correlateStartMessage();
        requests.linkProcessInstance(request.id(), instance.getId());
        return new Submitted(requests.get(request.id()), false);
    }

    /** The submission rules of a kind of request, plus: the focus area lies in the submitter's municipality. */
    Values validate(RequestKind kind, Map<String, ?> input, String municipality, boolean rejectUnknown) {
        List<FieldError> errors = new ArrayList<>();
        Values values = null;
        try {
            values = rulesOf(kind).schema().validate(input, rejectUnknown);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Object focusArea = InputValues.plain(input.get("focusArea"));
        if (focusArea instanceof String code && referenceData.focusArea(code)
                .filter(area -> !area.municipalityCode().equals(municipality)).isPresent()) {
            errors.add(new FieldError("focusArea", "Focusgebied '" + code + "' ligt niet in uw gemeente."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return rulesOf(kind).withDerivedValues(values);
    }

    /**
     * A submission typed in a web form, where every value is text, typed as the API body would be
     * (whole numbers where the kind's rules call for them), so that it meets the same rules.
     */
    public Map<String, ?> fromText(RequestKind kind, Map<String, ?> input) {
        return rulesOf(kind).schema().fromText(input);
    }

    SubmissionRules rulesOf(RequestKind kind) {
        return rules.get(kind);
    }

    /** Stores the case file of a valid submission under a new reference number. */
    RequestRecord register(RequestKind kind, Values values, String municipality, String submittedBy,
                           String idempotencyKey) {
        RequestContent content = RequestContent.of(kind, values);
        OffsetDateTime now = CaseClock.now();
        RequestRecord request = new RequestRecord(UUID.randomUUID(),
                referenceNumbers.next(now.atZoneSameInstant(CaseClock.DUTCH_TIME).getYear()), kind.code(), municipality,
                content.focusArea(), content.title(), contents.json(content), RequestStatus.SUBMITTED.code(),
                content.urgency(), content.contactEmail(), submittedBy, now, now, null, null, 0);
        requests.insert(request, idempotencyKey);
        requests.insertRuleDomains(request.id(), content.ruleDomains());
        if (content instanceof RuleChangeContent ruleChange) {
            requests.recordRule(request.id(), ruleChange.nationalRule(), ruleChange.regulation(), ruleChange.article());
        } else if (content instanceof BudgetPoolingContent pooling) {
            budgetLines.insert(request.id(), pooling.budgetLines());
        } else if (content instanceof JoinContent join) {
            requests.recordRule(request.id(), join.nationalRule(), join.regulation(), join.article());
            joinPrecedents.link(request.id(), requests.findByReference(join.precedent()).orElseThrow().id());
            // the confirming ministry sees the case from the start, as an assessing ministry does
            requests.routeTo(request.id(), java.util.Set.of(joinSchema.confirmingMinistry(join)));
        }
        audit.about(request.reference()).by(submittedBy)
                .action(AuditAction.REQUEST_SUBMITTED, "Verzoek ingediend (" + kind.dutchName() + ")")
                .resource("request", request.id().toString(), request.title())
                .changes(null, values.toPlainMap())
                .record();
        events.publishEvent(new RequestStatusChanged(request.id(), request.reference(), request.kind(),
                request.urgency(), null, request.status()));
        // every channel passes here once; an idempotent replay of the API returns before it
        receipt.send(request, kind, content);
        return request;
    }

    /** What the process needs to steer; the content of the case file stays in the table. */
    VariableMap steeringVariables(RequestRecord request, RequestContent content) {
        VariableMap variables = Variables.createVariables()
                .putValue(CaseVariables.REQUEST_ID, request.id().toString())
                .putValue(CaseVariables.REFERENCE, request.reference())
                .putValue("kind", request.kind())
                .putValue("municipalityCode", request.municipalityCode())
                .putValue("focusArea", request.focusAreaCode())
                .putValue("urgency", request.urgency())
                .putValue("ruleDomains", new ArrayList<>(content.ruleDomains()))
                .putValue("submittedBy", request.submittedBy());
        List<String> owners = new ArrayList<>();
        // the decision-authority table compares the total with its threshold; the exact amounts stay in the tables
        double total = 0.0;
        if (content instanceof BudgetPoolingContent pooling) {
            pooling.budgetLines().forEach(line -> owners.add(line.ministry()));
            total = pooling.totalAmount().doubleValue();
            variables.putValue("budgetYears", new ArrayList<>(pooling.years()));
        } else if (content instanceof JoinContent join) {
            variables.putValue("precedentReference", join.precedent())
                    .putValue("confirmingMinistry", joinSchema.confirmingMinistry(join));
        }
        return variables.putValue("budgetOwners", owners).putValue("totalAmount", total);
    }

    static String municipalityOf(DoorbraakUser submitter) {
        return submitter.municipalityCode().orElseThrow(() -> new InvalidInputException(List.of(new FieldError(
                "municipality", "Alleen medewerkers van een gemeente kunnen een verzoek indienen."))));
    }
}
