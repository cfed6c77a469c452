package nl.doorbraak.notification;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.platform.CaseClock;

/**
 * Tells the people who must act when a human task's due date has passed, once per task, as each
 * chose (now, in the digest, or not). The reminders before a deadline that ministry assessment and
 * signals send stay theirs; this is the one message after it, for every user task of every model.
 * Like the digest, a run locks its row and records each task it announced, so two instances or two
 * runs announce a task once.
 */
@Service
class OverdueTasks {

    private static final Logger log = LoggerFactory.getLogger(OverdueTasks.class);

    private final TaskService taskService;
    private final TaskMails taskMails;
    private final NotificationJobLock lock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OverdueTasks(TaskService taskService, TaskMails taskMails, NotificationJobLock lock, JdbcClient jdbc,
                 PlatformTransactionManager transactionManager) {
        this.taskService = taskService;
        this.taskMails = taskMails;
        this.lock = lock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** By default every fifteen minutes. */
    @Scheduled(cron = "${doorbraak.notifications.deadline-cron:0 */15 * * * *}", zone = "Europe/Amsterdam")
    void onSchedule() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("Announcing passed deadlines failed; the next run tries again", e);
        }
    }

    /** Announces every open task whose due date has passed and was not announced before; returns how many. */
    int run() {
        Integer announced = transaction.execute(status -> {
            lock.lock("deadlines");
            Date now = Date.from(CaseClock.now().toInstant());
            List<Task> overdue = taskService.createTaskQuery().dueBefore(now).orderByDueDate().asc().list();
            if (overdue.isEmpty()) {
                return 0;
            }
            Set<String> noticed = new HashSet<>(jdbc.sql("SELECT task_id FROM task_deadline_notice WHERE task_id IN (:ids)")
                    .param("ids", overdue.stream().map(Task::getId).toList()).query(String.class).list());
            int count = 0;
            for (Task task : overdue) {
                if (noticed.contains(task.getId())) {
                    continue;
                }
                jdbc.sql("INSERT INTO task_deadline_notice (task_id, noticed_at) VALUES (?, ?)")
                        .params(task.getId(), CaseClock.now()).update();
                Object reference = taskService.getVariable(task.getId(), "reference");
                var info = new TaskMails.TaskInfo(task.getId(), task.getName(),
                        reference instanceof String text ? text : null, task.getDueDate());
                taskMails.actingOn(task.getAssignee(), taskService.getIdentityLinksForTask(task.getId()))
                        .forEach((userId, email) -> taskMails.notify(userId, email, info, false));
                count++;
            }
            return count;
        });
        return announced == null ? 0 : announced;
    }
}
