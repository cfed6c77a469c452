package nl.doorbraak.assessment;

/** The user tasks of the assessment stage, by their ids in the models. */
public final class AssessmentTasks {

    public static final String INTAKE = "Task_Intake";
    public static final String CHECK_BUDGET_LINES = "Task_CheckBudgetLines";
    public static final String PROVIDE_INFORMATION = "Task_ProvideInformation";
    public static final String ASSESS = "Task_Assess";
    public static final String ESCALATE = "Task_Escalate";
    public static final String COORDINATE = "Task_Coordinate";
    /**
     * The escalation of an overdue human step is {@code Task_Escalate_<step>}, e.g.
     * {@code Task_Escalate_Intake}: one form ({@code escalate-step}) for every step.
     */
    public static final String ESCALATE_STEP_PREFIX = "Task_Escalate_";

    private AssessmentTasks() {
    }
}
