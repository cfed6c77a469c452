package nl.doorbraak.joining;

/** The user tasks of the join process, by their ids in the model. */
public final class JoinTasks {

    public static final String CHECK = "Task_CheckJoin";
    public static final String CONFIRM = "Task_ConfirmJoin";
    public static final String DECIDE = "Task_DecideJoin";

    private JoinTasks() {
    }
}
