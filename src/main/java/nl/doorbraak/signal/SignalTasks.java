package nl.doorbraak.signal;

/** The user tasks of the signal model, by their ids in recurring-obstacle-signal.bpmn. */
public final class SignalTasks {

    public static final String ANSWER = "Task_AnswerSignal";
    public static final String ESCALATE = "Task_EscalateSignal";

    private SignalTasks() {
    }
}
