package nl.doorbraak.implementation;

/** The user tasks of the implementation-tracking model, by their ids. */
public final class ImplementationTasks {

    public static final String UPDATE = "Task_UpdateImplementation";
    public static final String ESCALATE = "Task_EscalateImplementation";

    private ImplementationTasks() {
    }
}
