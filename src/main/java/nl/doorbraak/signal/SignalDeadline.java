package nl.doorbraak.signal;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * After "Termijn bepalen" (the {@code deadlines} bean, task type {@code signal-answer}): gives the
 * due date and reminder moment names the model's expressions can use ({@code answerDue},
 * {@code answerReminder}; the deadlines bean names them after the task type, which has a hyphen)
 * and records the due date on the signal, where its list and page show it.
 */
@Component("signalDeadline")
public class SignalDeadline {

    private final Signals signals;

    SignalDeadline(Signals signals) {
        this.signals = signals;
    }

    public void record(DelegateExecution execution) {
        Date due = (Date) execution.getVariable("signal-answerDue");
        execution.setVariable("answerDue", due);
        execution.setVariable("answerReminder", execution.getVariable("signal-answerReminder"));
        signals.due(UUID.fromString((String) execution.getVariable("signalId")),
                due.toInstant().atOffset(ZoneOffset.UTC));
    }
}
