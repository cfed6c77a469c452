package nl.doorbraak.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.doorbraak.DoorbraakApplication;

/** Starting the application for a benchmark, and driving cases through it as its users would. */
final class BenchApplication {

    private BenchApplication() {
    }

    /**
     * The application in the production profile on a fresh database of its own, demo users on,
     * the job executor off (the driver runs asynchronous steps itself), webapps off. Settings are
     * command-line arguments: they outrank application.yml, which default properties do not. An
     * extra setting replaces the default of the same name (a repeated argument would be read as a list).
     */
    static ConfigurableApplicationContext start(BenchDatabase database, String name, String... extra) {
        return start(database, name, List.of(), extra);
    }

    /** As {@link #start(BenchDatabase, String, String...)}, with configuration classes added to the application's. */
    static ConfigurableApplicationContext start(BenchDatabase database, String name, List<Class<?>> sources,
                                                String... extra) {
        return new SpringApplicationBuilder(DoorbraakApplication.class).sources(sources.toArray(Class<?>[]::new))
                .profiles("postgres").run(arguments(database, database.freshDatabase(name), name, extra)
                        .toArray(String[]::new));
    }

    /** The settings of {@link #start}, for an application on the database at that URL. */
    static List<String> arguments(BenchDatabase database, String url, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--DB_URL=" + url,
                "--DB_USER=" + database.user(),
                "--DB_PASSWORD=" + database.password(),
                "--ADMIN_USER=admin",
                "--ADMIN_PASSWORD=bench",
                "--doorbraak.demo.enabled=true",
                "--doorbraak.demo.password=demo",
                "--doorbraak.audit.sealing-enabled=false",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.process-engine-name=" + name,
                "--logging.level.root=WARN"));
        for (String setting : extra) {
            String key = setting.split("=", 2)[0];
            args.removeIf(arg -> arg.split("=", 2)[0].equals(key));
            args.add(setting);
        }
        return args;
    }

    /** Completes the case's open task of that kind as the user, as Tasklist would. */
    static void complete(ProcessEngine engine, String reference, String taskKey, String user, String group,
                         Map<String, Object> values) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).singleResult();
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            engine.getTaskService().complete(task.getId(), new HashMap<>(values));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Milliseconds of each of {@code times} calls, one after the other. */
    static List<Double> millis(int times, Runnable call) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1));
    }
}
