package nl.doorbraak.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.tasks.CaseContextVariables;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.TestUsers;

/**
 * Scenario 3 of issue 9: task lists at scale. A few real rule-change cases are driven to the
 * point where three ministries assess in parallel; their runtime rows (engine and case tables)
 * are then cloned with SQL into about 100,000 open assessment tasks spread evenly over the
 * ministries. Measured: one ministry's first page of 50 through the API and through its Tasklist
 * filter (the webapp's engine REST, logged in as the reviewer), each against the engine's own
 * task query for the same tasks and order in-process, in rounds that alternate the four.
 */
class TaskListBench {

    private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final int TEMPLATES = Integer.getInteger("bench.templates", 3);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 100);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String MINISTRY = System.getProperty("bench.ministry", "szw");
    /** A call slower than this in the warm-up is reported as it is, without rounds. */
    private static final int GIVE_UP_MILLIS = Integer.getInteger("bench.give-up-millis", 15_000);
    private static final List<String> RULE_DOMAINS = List.of("income-support", "youth-care", "education");
    private static final DoorbraakUser ROTTERDAM = new DoorbraakUser("rotterdam", "Indiener Rotterdam",
            Set.of("municipality-0599"));
    /** Columns holding the id of a row of the cloned case itself: each clone gets its own. */
    private static final Set<String> OWN_IDS = Set.of("id_", "proc_inst_id_", "process_instance_id_", "execution_id_",
            "parent_id_", "super_exec_", "root_proc_inst_id_", "task_id_", "bytearray_id_", "var_scope_",
            "exception_stack_id_");

    @Test
    void aMinistrysFirstPageAmongAHundredThousandOpenTasks() throws IOException {
        BenchDatabase database = BenchDatabase.start();
        try (ConfigurableApplicationContext app = BenchApplication.start(database, "bench_tasks",
                "--doorbraak.demo.cases=false", "--camunda.bpm.webapp.enabled=true",
                // a list that takes minutes must not hold the database busy for the other measurements
                "--spring.datasource.hikari.connection-init-sql=SET statement_timeout = " + GIVE_UP_MILLIS * 2)) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            for (int i = 0; i < TEMPLATES; i++) {
                caseInAssessment(engine, app.getBean(RequestSubmission.class), i);
            }
            long templateTasks = engine.getTaskService().createTaskQuery().count();
            int clones = (int) Math.ceil((TASKS - templateTasks) / (double) (templateTasks / TEMPLATES));
            long filling = System.nanoTime();
            // one transaction without the foreign-key triggers: checking 3 million variables' keys one by
            // one at the end of the statement took longer than the insert (the engine checks the result below)
            Map<String, Long> rows = new TransactionTemplate(app.getBean(PlatformTransactionManager.class))
                    .execute(status -> {
                        jdbc.sql("SET LOCAL session_replication_role = replica").update();
                        jdbc.sql("SET LOCAL statement_timeout = 0").update();
                        return cloneCases(jdbc, clones);
                    });
            double fillSeconds = (System.nanoTime() - filling) / 1e9;
            Map<String, Long> perMinistry = checkCounts(engine, jdbc, templateTasks + clones * (templateTasks / TEMPLATES),
                    clones);

            TaskService tasks = engine.getTaskService();
            String group = "ministry-" + MINISTRY;
            long expected = perMinistry.get(MINISTRY);
            Runnable engineApiOrder = () -> firstPage(tasks.createTaskQuery()
                    .taskCandidateGroupIn(List.of(group)).includeAssignedTasks()
                    .orderByDueDate().asc().orderByTaskCreateTime().asc(), expected);
            Runnable engineFilterOrder = () -> firstPage(tasks.createTaskQuery()
                    .taskCandidateGroup(group).includeAssignedTasks().taskDefinitionKeyIn("Task_Assess")
                    .orderByTaskCreateTime().desc(), expected);
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            Runnable api = () -> apiFirstPage(http, "reviewer-" + MINISTRY, expected);
            Tasklist tasklist = new Tasklist(((WebServerApplicationContext) app).getWebServer().getPort(),
                    engine.getName(), "reviewer-" + MINISTRY);
            String filterId = engine.getFilterService().createTaskFilterQuery()
                    .filterName("Open beoordelingen " + abbreviation(jdbc, MINISTRY)).singleResult().getId();
            Runnable filter = () -> tasklist.firstPage(filterId, expected);

            Map<String, Runnable> measured = new LinkedHashMap<>();
            measured.put("engine, API's query", engineApiOrder);
            measured.put("API GET /api/v1/tasks", api);
            measured.put("engine, filter's query", engineFilterOrder);
            measured.put("Tasklist filter list", filter);
            Map<String, String> givenUp = new LinkedHashMap<>();
            measured.forEach((name, call) -> {
                long start = System.nanoTime();
                String failure = "";
                try {
                    call.run();
                } catch (RuntimeException e) {
                    failure = " and failed: " + e.getMessage();
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (millis > GIVE_UP_MILLIS || !failure.isEmpty()) {
                    givenUp.put(name, "first call took " + millis + " ms" + failure);
                }
            });
            givenUp.keySet().forEach(measured::remove);
            measured.values().forEach(call -> BenchApplication.millis(WARMUP, call));
            Map<String, List<List<Double>>> rounds = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                measured.forEach((name, call) -> rounds.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(BenchApplication.millis(REQUESTS, call)));
            }
            givenUp.forEach((name, what) -> System.out.println("Not measured in rounds: " + name + ": " + what));

            String report = report(database, clones, fillSeconds, rows, perMinistry, expected, rounds, givenUp);
            System.out.println(report);
            Path results = Path.of("bench", "results");
            Files.createDirectories(results);
            Files.writeString(results.resolve("task-lists.md"), report);
        }
    }

    /** A rule-change case past intake: three ministries (SZW, VWS, OCW) each with an open assessment. */
    private static void caseInAssessment(ProcessEngine engine, RequestSubmission submission, int number) {
        Map<String, Object> input = CaseSteps.submission("rotterdam-zuid", "tasks" + number + "@rotterdam.example",
                RULE_DOMAINS.toArray(String[]::new));
        String reference = submission.submit(RequestKind.RULE_CHANGE, input, ROTTERDAM, null).request().reference();
        BenchApplication.complete(engine, reference, "Task_Intake", "programme-office", "programme-office",
                Map.of("intakeOutcome", "complete", "ruleDomains", RULE_DOMAINS));
        Jobs.runDue(engine);
        long assessments = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_Assess").count();
        if (assessments != 3) {
            throw new IllegalStateException(reference + " has " + assessments + " assessments open, not 3");
        }
    }

    /**
     * Copies the runtime rows of the template cases {@code clones} times, each copy with new ids
     * (an md5 of the old id and the copy's number, so references between rows stay consistent), a
     * reference of its own, its three ministries rotated over all ministries (candidate group,
     * task-local case context, task name, authorizations, routing), and created and due one minute
     * earlier per copy.
     */
    private static Map<String, Long> cloneCases(JdbcClient jdbc, int clones) {
        List<String> ministries = jdbc.sql("SELECT code FROM ministry ORDER BY code").query(String.class).list();
        List<String> templateMinistries = jdbc.sql("SELECT DISTINCT ministry_code FROM request_ministry ORDER BY 1")
                .query(String.class).list();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION bench_clone_id(id text, g int) RETURNS text LANGUAGE sql IMMUTABLE AS
                $$ SELECT md5(id || '#' || g)::uuid::text $$""").update();
        // the three template ministries take three consecutive places in the list of all ministries,
        // moving on by three per copy: every ministry gets the same share
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION bench_ministry(code text, g int) RETURNS text LANGUAGE sql IMMUTABLE AS
                $$ SELECT CASE WHEN array_position(%1$s, code) IS NULL THEN code
                               ELSE (%2$s)[(%3$d * g + array_position(%1$s, code) - 1) %% %4$d + 1] END $$"""
                .formatted(array(templateMinistries), array(ministries), templateMinistries.size(), ministries.size()))
                .update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION bench_abbreviation(abbreviation text, g int) RETURNS text LANGUAGE sql STABLE AS
                $$ SELECT coalesce((SELECT n.abbreviation FROM ministry m JOIN ministry n ON n.code = bench_ministry(m.code, g)
                                    WHERE m.abbreviation = $1), $1) $$""").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION bench_task_name(name text, g int) RETURNS text LANGUAGE sql STABLE AS
                $$ SELECT coalesce((SELECT left($1, length($1) - length(m.abbreviation) - 2)
                                           || '(' || bench_abbreviation(m.abbreviation, $2) || ')'
                                    FROM ministry m WHERE $1 LIKE '%%(' || m.abbreviation || ')'
                                      AND m.code = ANY(%s)), $1) $$""".formatted(array(templateMinistries))).update();
        String json = "convert_from(s.bytes_, 'UTF8')";
        for (int i = 0; i < templateMinistries.size(); i++) {
            json = "replace(" + json + ", '\"" + templateMinistries.get(i) + "\"', '\"#" + i + "#\"')";
        }
        for (int i = 0; i < templateMinistries.size(); i++) {
            json = "replace(" + json + ", '#" + i + "#', bench_ministry('" + templateMinistries.get(i) + "', c.g))";
        }
        for (String table : List.of("bench_template", "bench_clone", "bench_owned")) {
            jdbc.sql("DROP TABLE IF EXISTS " + table).update();
        }
        jdbc.sql("""
                CREATE TABLE bench_template AS
                SELECT row_number() OVER (ORDER BY reference) - 1 AS t, id AS request_id, reference,
                       process_instance_id AS root
                FROM request""").update();
        jdbc.sql("""
                CREATE TABLE bench_clone AS
                SELECT g, t.root, t.request_id, t.reference AS old_ref, 'BENCH-' || lpad(g::text, 6, '0') AS new_ref
                FROM generate_series(1, ?) g JOIN bench_template t ON t.t = g % (SELECT count(*) FROM bench_template)""")
                .param(clones).update();
        // every id of the template cases' runtime rows, with the case it belongs to
        jdbc.sql("""
                CREATE TABLE bench_owned AS
                SELECT id_ AS id, root_proc_inst_id_ AS root, id_ = proc_inst_id_ AS instance FROM act_ru_execution
                WHERE root_proc_inst_id_ IN (SELECT root FROM bench_template)
                UNION ALL
                SELECT t.id_, e.root_proc_inst_id_, false FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                WHERE e.root_proc_inst_id_ IN (SELECT root FROM bench_template)""").update();
        jdbc.sql("CREATE INDEX ON bench_owned (id)").update();
        jdbc.sql("CREATE INDEX ON bench_clone (root)").update();
        jdbc.sql("ANALYZE bench_owned").update();
        jdbc.sql("ANALYZE bench_clone").update();

        String shift = " - c.g * interval '1 minute'";
        String activityInstance = "regexp_replace(s.%1$s, '[0-9a-f-]{36}$', "
                + "coalesce(bench_clone_id(substring(s.%1$s from '[0-9a-f-]{36}$'), c.g), ''))";
        String byInstance = " s JOIN bench_owned o ON o.id = s.%s AND o.instance JOIN bench_clone c ON c.root = o.root";
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("act_ru_execution", clone(jdbc, "act_ru_execution", byInstance.formatted("proc_inst_id_"), Map.of(
                "business_key_", "replace(s.business_key_, c.old_ref, c.new_ref)",
                "act_inst_id_", activityInstance.formatted("act_inst_id_"))));
        rows.put("act_ru_task", clone(jdbc, "act_ru_task", byInstance.formatted("proc_inst_id_"), Map.of(
                "name_", "bench_task_name(replace(s.name_, c.old_ref, c.new_ref), c.g)",
                "create_time_", "s.create_time_" + shift,
                "last_updated_", "s.last_updated_" + shift,
                "due_date_", "s.due_date_" + shift)));
        rows.put("act_ru_identitylink", clone(jdbc, "act_ru_identitylink",
                " s JOIN bench_owned o ON o.id = s.task_id_ JOIN bench_clone c ON c.root = o.root", Map.of(
                        "group_id_", "CASE WHEN s.group_id_ LIKE 'ministry-%' "
                                + "THEN 'ministry-' || bench_ministry(substr(s.group_id_, 10), c.g) ELSE s.group_id_ END")));
        rows.put("act_ru_authorization", clone(jdbc, "act_ru_authorization",
                " s JOIN bench_owned o ON o.id = s.resource_id_ JOIN bench_clone c ON c.root = o.root", Map.of(
                        "resource_id_", "bench_clone_id(s.resource_id_, c.g)",
                        "group_id_", "CASE WHEN s.group_id_ LIKE 'ministry-%' "
                                + "THEN 'ministry-' || bench_ministry(substr(s.group_id_, 10), c.g) ELSE s.group_id_ END")));
        rows.put("act_ge_bytearray", clone(jdbc, "act_ge_bytearray", """
                 s JOIN act_ru_variable v ON v.bytearray_id_ = s.id_
                 JOIN bench_owned o ON o.id = v.proc_inst_id_ AND o.instance JOIN bench_clone c ON c.root = o.root""",
                Map.of("bytes_", "CASE WHEN s.name_ = 'ministries' THEN convert_to(" + json + ", 'UTF8') ELSE s.bytes_ END")));
        rows.put("act_ru_variable", clone(jdbc, "act_ru_variable", byInstance.formatted("proc_inst_id_"), Map.of(
                "text_", """
                        CASE s.name_ WHEN 'requestId' THEN bench_clone_id(s.text_, c.g)
                                     WHEN 'ministry' THEN bench_ministry(s.text_, c.g)
                                     WHEN 'caseMinistry' THEN bench_abbreviation(s.text_, c.g)
                                     ELSE replace(s.text_, c.old_ref, c.new_ref) END""",
                "act_inst_id_", activityInstance.formatted("act_inst_id_"))));
        rows.put("act_ru_job", clone(jdbc, "act_ru_job", byInstance.formatted("process_instance_id_"), Map.of(
                "duedate_", "s.duedate_" + shift)));
        rows.put("act_ru_event_subscr", clone(jdbc, "act_ru_event_subscr", byInstance.formatted("proc_inst_id_"),
                Map.of("created_", "s.created_" + shift)));
        String byRequest = " s JOIN bench_clone c ON c.request_id = s.%s";
        String requestId = "bench_clone_id(s.%s::text, c.g)::uuid";
        rows.put("request", clone(jdbc, "request", byRequest.formatted("id"), Map.of(
                "id", requestId.formatted("id"),
                "reference", "c.new_ref",
                "process_instance_id", "bench_clone_id(s.process_instance_id, c.g)",
                "idempotency_key", "NULL",
                "submitted_at", "s.submitted_at" + shift,
                "updated_at", "s.updated_at" + shift)));
        rows.put("request_rule_domain", clone(jdbc, "request_rule_domain", byRequest.formatted("request_id"),
                Map.of("request_id", requestId.formatted("request_id"))));
        rows.put("request_ministry", clone(jdbc, "request_ministry", byRequest.formatted("request_id"), Map.of(
                "request_id", requestId.formatted("request_id"),
                "ministry_code", "bench_ministry(s.ministry_code, c.g)")));
        for (String table : rows.keySet()) {
            jdbc.sql("ANALYZE " + table).update();
        }
        return rows;
    }

    /** Inserts one copy of the selected rows per clone: own ids mapped, {@code overrides} as given, the rest as is. */
    private static long clone(JdbcClient jdbc, String table, String from, Map<String, String> overrides) {
        List<String> columns = jdbc.sql("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")
                .param(table).query(String.class).list();
        String values = columns.stream().map(column -> overrides.getOrDefault(column,
                OWN_IDS.contains(column) ? "bench_clone_id(s." + column + ", c.g)" : "s." + column))
                .collect(Collectors.joining(", "));
        // indexes are built faster once after the insert than row by row (3 million variables: minutes)
        List<String> indexes = jdbc.sql("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ?
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (i.schemaname || '.' || i.indexname)::regclass)""")
                .param(table).query((rs, row) -> rs.getString(1) + ";" + rs.getString(2)).list();
        indexes.forEach(index -> jdbc.sql("DROP INDEX " + index.split(";", 2)[0]).update());
        long inserted = jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values
                + " FROM " + table + " " + from.strip()).update();
        indexes.forEach(index -> jdbc.sql(index.split(";", 2)[1]).update());
        return inserted;
    }

    /** What the engine itself sees after cloning: the open tasks, per ministry, and the instances. */
    private static Map<String, Long> checkCounts(ProcessEngine engine, JdbcClient jdbc, long expectedTasks, int clones) {
        TaskService tasks = engine.getTaskService();
        long open = tasks.createTaskQuery().count();
        long assessments = tasks.createTaskQuery().taskDefinitionKey("Task_Assess").count();
        long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
        long requests = jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
        if (open != expectedTasks || assessments != open || requests != TEMPLATES + clones
                || instances != requests * 4) {
            throw new IllegalStateException("After cloning the engine sees %d open tasks (%d assessments), %d instances, "
                    .formatted(open, assessments, instances) + requests + " requests; expected " + expectedTasks
                    + " tasks, 4 instances per request");
        }
        var clone = tasks.createTaskQuery().processInstanceBusinessKey("BENCH-000001").list();
        for (var task : clone) {
            Object reference = tasks.getVariableLocal(task.getId(), "caseReference");
            Object ministry = CaseContextVariables.of(tasks, task.getId()).get("caseMinistry");
            if (!"BENCH-000001".equals(reference) || !task.getName().endsWith("(" + ministry + ")")) {
                throw new IllegalStateException("Clone task " + task.getName() + " has context " + reference + ", " + ministry);
            }
        }
        Map<String, Long> perMinistry = new LinkedHashMap<>();
        for (String code : jdbc.sql("SELECT code FROM ministry ORDER BY code").query(String.class).list()) {
            perMinistry.put(code, tasks.createTaskQuery().taskCandidateGroup("ministry-" + code).count());
        }
        if (perMinistry.values().stream().mapToLong(Long::longValue).sum() != open) {
            throw new IllegalStateException("Tasks per ministry " + perMinistry + " do not add up to " + open);
        }
        return perMinistry;
    }

    private static void firstPage(TaskQuery query, long expected) {
        long count = query.count();
        int size = query.listPage(0, 50).size();
        if (count != expected || size != fullPage(expected)) {
            throw new IllegalStateException("Engine query found " + count + " tasks, page of " + size);
        }
    }

    /** A first page is full, unless the ministry has fewer tasks (a small run, e.g. -Dbench.tasks=300). */
    private static int fullPage(long tasks) {
        return (int) Math.min(50, tasks);
    }

    private static void apiFirstPage(Http http, String user, long expected) {
        HttpResponse<String> response = http.get("/api/v1/tasks?pageSize=50", user);
        String total = response.headers().firstValue("X-Total-Count").orElse("");
        if (response.statusCode() != 200 || !total.equals(Long.toString(expected))) {
            throw new IllegalStateException("API answered " + response.statusCode() + " with total " + total);
        }
    }

    /** A browser's session in Tasklist: logged in with the form, the CSRF token sent back on every call. */
    private static final class Tasklist {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final String base;
        private final String engine;

        Tasklist(int port, String engine, String user) {
            this.base = "http://localhost:" + port;
            this.engine = engine;
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build());
            HttpResponse<String> login = send(post("/camunda/api/admin/auth/user/" + engine + "/login/tasklist",
                    "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)));
            if (login.statusCode() != 200) {
                throw new IllegalStateException("Tasklist login failed: " + login.statusCode() + " " + login.body());
            }
            // the login starts a new session without a CSRF token; Tasklist's first reads give it one
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/" + engine
                    + "/filter?resourceType=Task")).header("Accept", "application/json").GET().build());
        }

        /** The request Tasklist sends for a filter's list, with 50 instead of its 15 a page. */
        void firstPage(String filterId, long expected) {
            HttpResponse<String> response = send(post("/camunda/api/engine/engine/" + engine + "/filter/" + filterId
                    + "/list?firstResult=0&maxResults=50", "application/json", """
                    {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,\
                    "maxResults":50,"sorting":[{"sortOrder":"desc","sortBy":"created"}],"active":true}"""));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Filter list answered " + response.statusCode() + " " + response.body()
                        + " with cookies " + cookies.getCookieStore().getCookies());
            }
            var body = Http.json(response);
            if (body.path("count").asLong() != expected
                    || body.path("_embedded").path("task").size() != fullPage(expected)) {
                throw new IllegalStateException("Filter list counted " + body.path("count") + " tasks, page of "
                        + body.path("_embedded").path("task").size());
            }
        }

        private HttpRequest post(String path, String contentType, String body) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                    .header("Accept", "application/hal+json, application/json; q=0.5")
                    .header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
                            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                            .findFirst().orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        private HttpResponse<String> send(HttpRequest request) {
            return Http.send(client, request);
        }
    }

    private static String report(BenchDatabase database, int clones, double fillSeconds, Map<String, Long> rows,
                                 Map<String, Long> perMinistry, long expected, Map<String, List<List<Double>>> rounds,
                                 Map<String, String> givenUp) {
        StringBuilder table = new StringBuilder("| measured | p50 per round (ms) | p95 per round (ms) | median p50 | "
                + "median p95 |\n|---|---|---|---|---|\n");
        Map<String, double[]> medians = new LinkedHashMap<>();
        rounds.forEach((name, perRound) -> {
            List<Double> p50 = perRound.stream().map(r -> BenchApplication.percentile(r, 0.5)).toList();
            List<Double> p95 = perRound.stream().map(r -> BenchApplication.percentile(r, 0.95)).toList();
            double[] median = {BenchApplication.median(p50), BenchApplication.median(p95)};
            medians.put(name, median);
            table.append("| ").append(name).append(" | ").append(format(p50)).append(" | ").append(format(p95))
                    .append(" | ").append(String.format("%.1f", median[0])).append(" | ")
                    .append(String.format("%.1f", median[1])).append(" |\n");
        });
        givenUp.forEach((name, what) -> table.append("| ").append(name).append(" | ").append(what)
                .append(" (statement timeout ").append(GIVE_UP_MILLIS * 2).append(" ms) | | | |\n"));
        double[] none = {Double.NaN, Double.NaN};
        double[] api = medians.getOrDefault("API GET /api/v1/tasks", none);
        double[] apiBase = medians.getOrDefault("engine, API's query", none);
        double[] list = medians.getOrDefault("Tasklist filter list", none);
        double[] listBase = medians.getOrDefault("engine, filter's query", none);
        return """
                # Task lists at scale (%s UTC)

                - database: %s
                - settings: %s
                - load average at the end: %s
                - data: %d template cases driven to three parallel assessments, cloned %d times in %.1f s; rows
                  inserted: %s
                - open tasks per candidate group: %s
                - measured for ministry-%s (%d open tasks): first page of 50 with the count; %d warm-up calls each,
                  then %d rounds of %d calls, the four alternating per round
                - API: GET /api/v1/tasks?pageSize=50 as reviewer-%s (HTTP Basic); engine baseline: TaskService
                  query, candidate group, assigned included, due date then created ascending, count + listPage(0, 50)
                - Tasklist: POST /camunda/api/engine/engine/{engine}/filter/{id}/list?firstResult=0&maxResults=50 of
                  the filter "Open beoordelingen", session login, created descending (Tasklist's default); engine
                  baseline: the filter's query (candidate group, assigned included, Task_Assess) created descending

                %s
                - ratio API / engine: p50 %.1f, p95 %.1f
                - ratio Tasklist / engine: p50 %.1f, p95 %.1f
                """.formatted(LocalDateTime.now(ZoneOffset.UTC).withNano(0), database.description(), database.settings(),
                loadAverage(), TEMPLATES, clones, fillSeconds, rows, perMinistry, MINISTRY, expected, WARMUP, ROUNDS,
                REQUESTS, MINISTRY, table, api[0] / apiBase[0], api[1] / apiBase[1], list[0] / listBase[0],
                list[1] / listBase[1]);
    }

    private static String abbreviation(JdbcClient jdbc, String code) {
        return jdbc.sql("SELECT abbreviation FROM ministry WHERE code = ?").param(code).query(String.class).single();
    }

    private static String array(List<String> values) {
        return values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", ", "ARRAY[", "]"));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String format(List<Double> values) {
        return values.stream().map(value -> String.format("%.1f", value)).collect(Collectors.joining(", "));
    }
}
