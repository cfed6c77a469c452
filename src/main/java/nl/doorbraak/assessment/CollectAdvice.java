package nl.doorbraak.assessment;

import nl.doorbraak.request.CaseVariables;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Adviezen verzamelen": counts the advices, the inputs of the {@code consolidated-advice} table. */
@Component("collectAdvice")
class CollectAdvice implements JavaDelegate {

    private final AssessmentRecords records;

    CollectAdvice(AssessmentRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Advice> advices = records.advicesOn(CaseVariables.requestId(execution));
        execution.setVariable("supportCount", count(advices, "support"));
        execution.setVariable("conditionsCount", count(advices, "support-with-conditions"));
        execution.setVariable("rejectCount", count(advices, "reject"));
    }

    private static long count(List<Advice> advices, String kind) {
        return advices.stream().filter(advice -> advice.advice().equals(kind)).count();
    }
}
