package nl.doorbraak.notification;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.security.UserDirectory;

/**
 * E-mail to the people who must act on a human task: when it is created and when its due date has
 * passed. Each person's own preference decides: an e-mail now (through the outbox relay), an
 * entry in tomorrow's digest, or nothing.
 */
@Service
class TaskMails {

    static final String NEW_TASK = "new-task";
    static final String DEADLINE = "task-deadline";
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl")).withZone(CaseClock.DUTCH_TIME);

    /** The task as a mail tells of it. */
    record TaskInfo(String id, String name, String reference, Date due) {
    }

    private final UserDirectory users;
    private final NotificationPreferences preferences;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    TaskMails(UserDirectory users, NotificationPreferences preferences, Outbox outbox, JdbcClient jdbc) {
        this.users = users;
        this.preferences = preferences;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** The create listener of every user task (TaskMailPlugin), in the transaction that creates it. */
    void created(DelegateTask task) {
        TaskInfo info = new TaskInfo(task.getId(), task.getName(), (String) task.getVariable("reference"),
                task.getDueDate());
        Map<String, String> recipients = new LinkedHashMap<>();
        if (task.getAssignee() != null) {
            users.email(task.getAssignee()).ifPresent(email -> recipients.put(task.getAssignee(), email));
        }
        for (IdentityLink link : task.getCandidates()) {
            addRecipients(recipients, link);
        }
        recipients.forEach((userId, email) -> notify(userId, email, info, true));
    }

    /** The people a task waits for now: its assignee if it has one, otherwise its candidates. */
    Map<String, String> actingOn(String assignee, Iterable<IdentityLink> links) {
        Map<String, String> recipients = new LinkedHashMap<>();
        if (assignee != null) {
            users.email(assignee).ifPresent(email -> recipients.put(assignee, email));
            return recipients;
        }
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                addRecipients(recipients, link);
            }
        }
        return recipients;
    }

    private void addRecipients(Map<String, String> recipients, IdentityLink link) {
        if (link.getGroupId() != null) {
            users.emailsByMemberOfGroup(link.getGroupId()).forEach(recipients::putIfAbsent);
        } else if (link.getUserId() != null) {
            users.email(link.getUserId()).ifPresent(email -> recipients.putIfAbsent(link.getUserId(), email));
        }
    }

    /** Tells one person of a new task ({@code newTask}) or of a passed deadline, as that person chose. */
    void notify(String userId, String email, TaskInfo task, boolean newTask) {
        var preference = preferences.of(userId);
        NotificationChoice choice = newTask ? preference.newTasks() : preference.deadlines();
        switch (choice) {
            case IMMEDIATELY -> outbox.enqueueRelayed(topic(newTask ? NEW_TASK : DEADLINE, task.reference()), email,
                    newTask ? newTaskLetter(task) : deadlineLetter(task));
            case DAILY_DIGEST -> jdbc.sql("""
                            INSERT INTO notification_digest_item (id, user_id, kind, task_id, task_name, reference, due_at,
                                                                  created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), userId, newTask ? NEW_TASK : DEADLINE, task.id(), shorten(task.name()),
                            task.reference(), task.due() == null ? null
                                    : task.due().toInstant().atOffset(java.time.ZoneOffset.UTC),
                            CaseClock.now())
                    .update();
            case OFF -> {
                // the person chose to hear nothing of this; Tasklist and the web pages still list the task
            }
        }
    }

    private static String topic(String topic, String reference) {
        return reference == null ? topic : Outbox.chainTopic(topic, reference);
    }

    static Letter newTaskLetter(TaskInfo task) {
        String body = """
                Beste collega,

                Er staat een nieuwe taak voor u klaar in Doorbraak.

                Taak: %s
                %sUiterste datum: %s

                U vindt de taak in Tasklist of op de website van Doorbraak. Wilt u deze e-mails anders ontvangen? Kies dan bij "Mijn e-mailmeldingen" of u ze direct, één keer per dag of niet wilt krijgen.
                """.formatted(task.name(), caseLine(task), due(task)) + Letter.SIGNATURE;
        return new Letter("Nieuwe taak: " + title(task.name(), task.reference()), body);
    }

    static Letter deadlineLetter(TaskInfo task) {
        String body = """
                Beste collega,

                De termijn van een taak in Doorbraak is verstreken. De taak is nog niet afgerond.

                Taak: %s
                %sUiterste datum was: %s

                Wilt u de taak zo snel mogelijk afronden? U vindt de taak in Tasklist of op de website van Doorbraak.
                """.formatted(task.name(), caseLine(task), due(task)) + Letter.SIGNATURE;
        return new Letter("Termijn verstreken: " + title(task.name(), task.reference()), body);
    }

    static String due(TaskInfo task) {
        return task.due() == null ? "geen" : DUTCH_DATE.format(task.due().toInstant());
    }

    private static String caseLine(TaskInfo task) {
        return task.reference() == null ? "" : "Kenmerk: " + task.reference() + "\n";
    }

    /** The task's name with its case, unless the name names it already (most do: "Intake verzoek NPLV-…"). */
    static String title(String name, String reference) {
        return reference == null || name.contains(reference) ? name : name + " (" + reference + ")";
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }
}
