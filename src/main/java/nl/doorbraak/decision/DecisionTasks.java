package nl.doorbraak.decision;

/** The user tasks of the decision stage and its follow-up, by their ids in the models. */
public final class DecisionTasks {

    public static final String DECIDE = "Task_Decide";
    public static final String DECIDE_POOLING = "Task_DecidePooling";
    public static final String CO_SIGN = "Task_CoSign";
    public static final String DELIVER_EVALUATION = "Task_DeliverEvaluation";
    public static final String ASSESS_EVALUATION = "Task_AssessEvaluation";
    public static final String DELIVER_ACCOUNTABILITY = "Task_DeliverAccountability";
    public static final String CHECK_ACCOUNTABILITY = "Task_CheckAccountability";

    private DecisionTasks() {
    }
}
