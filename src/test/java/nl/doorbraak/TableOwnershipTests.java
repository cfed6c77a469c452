package nl.doorbraak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No module reads or writes another module's tables: each table has one owning module, and the
 * SQL in a module's code names only its own tables, the views other modules' migrations define for
 * it ({@code report_*}), and the engine's {@code ACT_*} tables. A table the migrations create that is
 * not listed here fails, so a new table gets an owner.
 */
class TableOwnershipTests {

    private static final Map<String, Set<String>> OWNED = Map.ofEntries(
            Map.entry("reference", Set.of("municipality", "focus_area", "ministry", "rule_domain", "regulation")),
            Map.entry("audit", Set.of("audit_event", "audit_chain_head", "audit_seal", "audit_seal_lock",
                    "audit_sealed_head")),
            Map.entry("notification", Set.of("outbox", "notification_preference", "notification_digest_item",
                    "task_deadline_notice", "notification_job_lock")),
            Map.entry("request", Set.of("request", "request_rule_domain", "request_ministry", "request_budget_line",
                    "document", "unused_reference_number")),
            Map.entry("assessment", Set.of("advice", "information_request")),
            Map.entry("decision", Set.of("decision", "decision_budget_line", "accountability_report",
                    "decision_term_change", "decision_version", "decision_version_budget_line")),
            Map.entry("report", Set.of("progress_report")),
            Map.entry("catalogue", Set.of("national_rule", "national_rule_domain")),
            Map.entry("signal", Set.of("signal", "signal_request")),
            Map.entry("implementation", Set.of("implementation_change", "implementation_stage")),
            Map.entry("casedeadline", Set.of("case_deadline", "case_deadline_change")));

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path CODE = Path.of("src/main/java/nl/doorbraak");
    private static final Pattern CREATED = Pattern.compile("CREATE\\s+(TABLE|VIEW)\\s+(?:IF NOT EXISTS\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> owned = new TreeSet<>();
        OWNED.values().forEach(owned::addAll);
        assertThat(created("TABLE")).isEqualTo(owned);
        assertThat(created("VIEW")).allSatisfy(view -> assertThat(view).startsWith("report_"));
    }

    @Test
    void everyModuleNamesOnlyItsOwnTablesTheViewsMadeForOthersAndTheEngines() throws IOException {
        Set<String> tables = created("TABLE");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> modules = Files.list(CODE)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                String name = module.getFileName().toString();
                Set<String> own = OWNED.getOrDefault(name, Set.of());
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                        Matcher named = NAMED.matcher(Files.readString(file));
                        while (named.find()) {
                            String table = named.group(1).toLowerCase(Locale.ROOT);
                            if (tables.contains(table) && !own.contains(table)) {
                                violations.add(name + " names " + table + " in " + CODE.relativize(file));
                            }
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The tables or views the migrations create. */
    private static Set<String> created(String kind) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
                Matcher created = CREATED.matcher(Files.readString(file));
                while (created.find()) {
                    if (created.group(1).equalsIgnoreCase(kind)) {
                        names.add(created.group(2).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
