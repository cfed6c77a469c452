package nl.doorbraak.tasks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Two indexes on the engine's tables for {@link GroupTaskPages}: the open tasks in the order of
 * the task list, and a group's candidate links with their task ids. With them a ministry's first
 * page among 100,000 open tasks reads a few hundred index entries instead of every task, and the
 * total counts the group's links without visiting the table (docs/benchmarks.md, "Task lists at
 * scale": 27 + 52 ms → 5 + 2 ms). Created after the engine has created its tables, which happens
 * after the Flyway migrations, so they cannot be a migration; {@code IF NOT EXISTS} makes every
 * later start a no-op.
 */
@Component
class TaskListIndexes extends AbstractProcessEnginePlugin {

    static final List<String> STATEMENTS = List.of(
            "CREATE INDEX IF NOT EXISTS DOORBRAAK_TASK_LIST_ORDER ON ACT_RU_TASK (DUE_DATE_, CREATE_TIME_, ID_)",
            "CREATE INDEX IF NOT EXISTS DOORBRAAK_IDENT_LNK_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the task list's indexes", e);
        }
    }
}
