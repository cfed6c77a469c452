package nl.doorbraak.tasks;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One page of the open tasks that have one of the groups as candidate (assigned or not), oldest
 * due first, then oldest created, and how many there are in all: the tasks the engine's query
 * {@code taskCandidateGroupIn(groups).includeAssignedTasks()} finds, in its order.
 * <p>
 * Not that query itself: it joins every candidate link of the groups to the tasks and removes
 * duplicates over whole task rows ({@code SELECT DISTINCT RES.*}), once for the count and once for
 * the page; with 100,000 open tasks a ministry's first page took about 200 ms (docs/benchmarks.md,
 * "Task lists at scale"). Here the group's links are found through their index and the total
 * counts task ids only; the page's tasks are then read through the engine by id.
 */
@Component
class GroupTaskPages {

    record Page(long total, List<Task> tasks) {
    }

    private final JdbcClient jdbc;
    private final TaskService taskService;

    GroupTaskPages(JdbcClient jdbc, TaskService taskService) {
        this.jdbc = jdbc;
        this.taskService = taskService;
    }

    /** Count and page in one read-only transaction, so that they agree. */
    @Transactional(readOnly = true)
    public Page page(Collection<String> groups, int offset, int size) {
        long total = jdbc.sql("""
                        SELECT count(DISTINCT TASK_ID_) FROM ACT_RU_IDENTITYLINK
                        WHERE TYPE_ = :type AND GROUP_ID_ IN (:groups) AND TASK_ID_ IS NOT NULL""")
                .param("type", IdentityLinkType.CANDIDATE).param("groups", groups).query(Long.class).single();
        // the engine orders by due date ascending (no due date last on PostgreSQL and H2 alike,
        // as written out here), then creation; the id keeps pages apart when both are equal
        List<String> ids = jdbc.sql("""
                        SELECT t.ID_ FROM ACT_RU_TASK t
                        WHERE t.ID_ IN (SELECT i.TASK_ID_ FROM ACT_RU_IDENTITYLINK i
                                        WHERE i.TYPE_ = :type AND i.GROUP_ID_ IN (:groups))
                        ORDER BY t.DUE_DATE_ ASC NULLS LAST, t.CREATE_TIME_ ASC, t.ID_ ASC
                        LIMIT :size OFFSET :offset""")
                .param("type", IdentityLinkType.CANDIDATE).param("groups", groups)
                .param("size", size).param("offset", offset).query(String.class).list();
        if (ids.isEmpty()) {
            return new Page(total, List.of());
        }
        Map<String, Integer> position = new HashMap<>();
        ids.forEach(id -> position.put(id, position.size()));
        List<Task> tasks = taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().stream()
                .sorted(Comparator.comparing(task -> position.get(task.getId()))).toList();
        return new Page(total, tasks);
    }
}
