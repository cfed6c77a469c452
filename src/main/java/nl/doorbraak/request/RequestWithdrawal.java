package nl.doorbraak.request;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;

/**
 * A municipality withdraws its request. The process decides whether that is still possible:
 * only before the decision does it wait for the withdrawal message.
 */
@Service
public class RequestWithdrawal {

    static final String MESSAGE = "RequestWithdrawn";

    private static final InputSchema SCHEMA = InputSchema.builder()
            .text("reason", "Reden", false, 2000)
            .build();

    private final Requests requests;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;

    RequestWithdrawal(Requests requests, RuntimeService runtimeService, AuditTrail audit) {
        this.requests = requests;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    @Transactional
    public RequestRecord withdraw(String reference, DoorbraakUser user, Map<String, ?> input) {
        RequestRecord request = requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet."));
        if (!user.municipalityCode().map(request.municipalityCode()::equals).orElse(false)) {
            throw new AccessDeniedException("Only the submitting municipality withdraws");
        }
        Values values = SCHEMA.validate(input, true);
        audit.about(request.reference()).by(user.id())
                .action(AuditAction.REQUEST_WITHDRAWN, "Verzoek ingetrokken door de gemeente")
                .resource("request", request.id().toString(), request.title())
                .explanation((String) values.get("reason"))
                .record();
        try {
            runtimeService.createMessageCorrelation(MESSAGE)
                    .processInstanceId(request.processInstanceId())
                    .setVariable("withdrawalReason", values.get("reason"))
                    .setVariable("withdrawnBy", user.id())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("Verzoek " + reference + " kan niet meer worden ingetrokken (status: "
                    + RequestStatus.labelOf(request.status()) + ").");
        }
        return requests.get(request.id());
    }
}
