package nl.doorbraak.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.CaseSteps;

/**
 * Scenario 1 of issue 9: whole rule-change cases (submit, intake, three ministries in parallel,
 * decision, decision letter, end) at 1 and 4 threads, for the product and for the bare engine
 * running the same BPMN and DMN with no-op delegates and none of the application's listeners,
 * audit or tables. Rounds alternate product and bare engine; medians of the rounds and their
 * ratio per thread count. Each thread drives its own cases and runs its own cases' jobs.
 */
class LifecycleBench {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int CASES = Integer.getInteger("bench.cases", 80);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final List<String> MINISTRIES = List.of("szw", "vws", "ocw");
    private static final DoorbraakUser ROTTERDAM = new DoorbraakUser("rotterdam", "Indiener Rotterdam",
            Set.of("municipality-0599"));

    /** What a driver does with one case, whichever engine runs it. */
    private interface Lifecycle {
        void runOneCase(int number);
    }

    @Test
    void productVersusBareEngine() throws Exception {
        BenchDatabase database = BenchDatabase.start();
        ProcessEngine bare = bareEngine(database);
        try (ConfigurableApplicationContext app = BenchApplication.start(database, "bench_lifecycle",
                "--doorbraak.demo.cases=false")) {
            ProcessEngine productEngine = app.getBean(ProcessEngine.class);
            RequestSubmission submission = app.getBean(RequestSubmission.class);
            Lifecycle product = number -> productCase(productEngine, submission);
            Lifecycle bareCase = number -> bareCase(bare, number);

            run(product, 1, WARMUP);
            run(bareCase, 1, WARMUP);
            Map<Integer, List<Double>> productRates = new HashMap<>();
            Map<Integer, List<Double>> bareRates = new HashMap<>();
            for (int threads : List.of(1, 4)) {
                for (int round = 0; round < ROUNDS; round++) {
                    productRates.computeIfAbsent(threads, t -> new ArrayList<>()).add(run(product, threads, CASES));
                    bareRates.computeIfAbsent(threads, t -> new ArrayList<>()).add(run(bareCase, threads, CASES));
                }
            }
            StringBuilder table = new StringBuilder("| threads | product cases/s (rounds) | bare engine cases/s (rounds) | "
                    + "median product | median bare | ratio |\n|---|---|---|---|---|---|\n");
            for (int threads : List.of(1, 4)) {
                double p = BenchApplication.median(productRates.get(threads));
                double b = BenchApplication.median(bareRates.get(threads));
                table.append("| ").append(threads).append(" | ").append(format(productRates.get(threads))).append(" | ")
                        .append(format(bareRates.get(threads))).append(" | ").append(String.format("%.1f", p))
                        .append(" | ").append(String.format("%.1f", b)).append(" | ")
                        .append(String.format("%.2f", p / b)).append(" |\n");
            }
            String report = """
                    # Case lifecycle: product versus bare engine (%s)

                    - database: %s
                    - settings: %s
                    - workload: %d cases per round and thread count after %d warm-up cases each; %d rounds, product
                      and bare engine alternating; a case is submit, intake, three ministries in parallel, decision,
                      decision letter, end; every step through the engine's services, jobs run by the driver thread

                    %s""".formatted(LocalDateTime.now().withNano(0), database.description(), database.settings(), CASES,
                    WARMUP, ROUNDS, table);
            System.out.println(report);
            Path results = Path.of("bench", "results");
            Files.createDirectories(results);
            Files.writeString(results.resolve("lifecycle.md"), report);
        } finally {
            bare.close();
        }
    }

    /** Cases per second for {@code cases} cases spread over the threads. */
    private static double run(Lifecycle lifecycle, int threads, int cases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> drivers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            drivers.add(pool.submit(() -> {
                for (int number = next.getAndIncrement(); number < cases; number = next.getAndIncrement()) {
                    lifecycle.runOneCase(number);
                }
            }));
        }
        for (Future<?> driver : drivers) {
            driver.get();
        }
        pool.shutdown();
        return cases / ((System.nanoTime() - start) / 1e9);
    }

    // --- the product

    private static void productCase(ProcessEngine engine, RequestSubmission submission) {
        Map<String, Object> input = CaseSteps.submission("rotterdam-zuid", "bench@rotterdam.example",
                "income-support", "youth-care", "education");
        input.put("requestedInstrument", "policy-change");
        String processInstanceId = submission.submit(RequestKind.RULE_CHANGE, input, ROTTERDAM, null).request()
                .processInstanceId();
        complete(engine, processInstanceId, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support", "youth-care", "education")));
        advise(engine, processInstanceId);
        complete(engine, processInstanceId, "Task_Decide", "programme-director", decision());
        runJobs(engine, processInstanceId);
        requireEnded(engine, processInstanceId);
    }

    /** A case counts only when it ran to its end. */
    private static void requireEnded(ProcessEngine engine, String processInstanceId) {
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            throw new IllegalStateException("Case " + processInstanceId + " did not end");
        }
    }

    // --- the bare engine: the same models without the application

    private static ProcessEngine bareEngine(BenchDatabase database) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(database.freshDatabase("bench_bare"));
        configuration.setJdbcUsername(database.user());
        configuration.setJdbcPassword(database.password());
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcMaxActiveConnections(10);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setProcessEngineName("bench_bare");
        configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        ProcessEngine engine = configuration.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("bare");
        for (String model : List.of("rule-change-request.bpmn", "ministry-assessment.bpmn")) {
            deployment.addModelInstance(model, bare(model));
        }
        for (String table : List.of("responsible-ministries", "consolidated-advice", "decision-authority", "deadlines")) {
            deployment.addInputStream(table + ".dmn", resource(table + ".dmn"));
        }
        deployment.deploy();
        return engine;
    }

    /** The deployed model with no-op service tasks, no listeners, no due dates and timers far in the future. */
    private static BpmnModelInstance bare(String name) {
        BpmnModelInstance model = Bpmn.readModelFromStream(resource(name));
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "expression");
            task.setCamundaClass(NoOp.class.getName());
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "dueDate");
        }
        for (ExtensionElements extensions : model.getModelElementsByType(ExtensionElements.class)) {
            List<ModelElementInstance> listeners = new ArrayList<>();
            listeners.addAll(extensions.getChildElementsByType(CamundaExecutionListener.class));
            listeners.addAll(extensions.getChildElementsByType(CamundaTaskListener.class));
            listeners.forEach(extensions::removeChildElement);
        }
        for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
            date.setTextContent("2099-12-31T00:00:00");
        }
        return model;
    }

    private static InputStream resource(String name) {
        InputStream stream = LifecycleBench.class.getClassLoader().getResourceAsStream("processes/" + name);
        if (stream == null) {
            throw new IllegalStateException("Model not on the classpath: " + name);
        }
        return stream;
    }

    /** A service task that does nothing. */
    public static class NoOp implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            // the bare engine's service tasks: no application behind them
        }
    }

    private static void bareCase(ProcessEngine engine, int number) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", "bare-" + number);
        variables.put("reference", "BARE-" + number);
        variables.put("kind", "rule-change");
        variables.put("municipalityCode", "0599");
        variables.put("focusArea", "rotterdam-zuid");
        variables.put("urgency", "normal");
        variables.put("ruleDomains", new ArrayList<>(List.of("income-support", "youth-care", "education")));
        variables.put("budgetOwners", new ArrayList<String>());
        variables.put("totalAmount", 0.0);
        // what the application's delegates would have set
        variables.put("ministries", new ArrayList<>(MINISTRIES));
        variables.put("supportCount", 3L);
        variables.put("conditionsCount", 0L);
        variables.put("rejectCount", 0L);
        ProcessInstance instance = engine.getRuntimeService().createMessageCorrelation("RuleChangeRequestSubmitted")
                .processInstanceBusinessKey("BARE-" + number).setVariables(variables).correlateStartMessage();
        complete(engine, instance.getId(), "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support", "youth-care", "education")));
        advise(engine, instance.getId());
        complete(engine, instance.getId(), "Task_Decide", "programme-director", decision());
        runJobs(engine, instance.getId());
        requireEnded(engine, instance.getId());
    }

    // --- the same user steps for both

    private static void advise(ProcessEngine engine, String processInstanceId) {
        for (String ministry : MINISTRIES) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey(engine,
                    processInstanceId)).taskDefinitionKey("Task_Assess").taskCandidateGroup("ministry-" + ministry)
                    .singleResult();
            completeTask(engine, task, "reviewer-" + ministry, "ministry-" + ministry, Map.of("assessmentOutcome", "advice",
                    "advice", "support", "rationale", "Akkoord."));
            runJobs(engine, processInstanceId);
        }
    }

    private static Map<String, Object> decision() {
        return Map.of("decisionOutcome", "granted", "rationale", "Akkoord.", "instrument", "policy-change",
                "effectiveDate", LocalDate.now().plusMonths(1).toString());
    }

    private static void complete(ProcessEngine engine, String processInstanceId, String taskKey, String user,
                                 Map<String, Object> values) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
        completeTask(engine, task, user, user, values);
    }

    private static void completeTask(ProcessEngine engine, Task task, String user, String group,
                                     Map<String, Object> values) {
        if (task == null) {
            throw new IllegalStateException("No open task where the case should be waiting");
        }
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            engine.getTaskService().complete(task.getId(), new HashMap<>(values));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String businessKey(ProcessEngine engine, String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
    }

    /** Runs the due jobs of the case and of the assessments it called, until none is left. */
    private static void runJobs(ProcessEngine engine, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = new ArrayList<>();
            for (String instance : family(engine, processInstanceId)) {
                jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    private static Collection<String> family(ProcessEngine engine, String processInstanceId) {
        List<String> family = new ArrayList<>(List.of(processInstanceId));
        engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
                .forEach(child -> family.add(child.getId()));
        return family;
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(value -> String.format("%.1f", value)).toList());
    }
}
