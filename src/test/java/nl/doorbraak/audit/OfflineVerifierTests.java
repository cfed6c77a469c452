package nl.doorbraak.audit;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * The offline verifier (docs/audit/AuditVerify.java), run as an auditor would run it — in a
 * Java runtime of its own, on an NDJSON export — agrees with the API: on a clean export, and on
 * the same tampering, at the same entry. Cases here are submitted by Vlaardingen (0622).
 */
@PostgresIntegrationTest
class OfflineVerifierTests {

    static final String VLAARDINGEN = "vlaardingen";
    static final String VLAARDINGEN_AREA = "vlaardingen-west";
    static final Path VERIFIER = Path.of("docs", "audit", "AuditVerify.java");
    private static final Pattern RESULT = Pattern.compile(
            "RESULT ok=(true|false) chains=(\\d+) entries=(\\d+) problems=(\\d+)"
                    + "(?: chain=(\\S+) sequence=(\\d+))?(?: line=(\\d+) problem=\"(.*)\")?");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aCleanExportOfACaseVerifiesOfflineWithTheSameCountsAsTheApi() {
        String reference = newCase("Kostendelersnorm \"buiten\" toepassing: ouders\\kinderen, tab\there, regel\nnieuw, "
                + "geëvalueerd, € en 😀");
        Path export = export("clean.ndjson", reference);
        assertThat(Files.exists(VERIFIER)).as("run from the project root").isTrue();
        assertThat(read(export)).as("the text survives escaping").contains("😀").contains("geëvalueerd")
                .contains("\\\\n").contains("\\\\t");

        Result offline = run(export);
        JsonNode api = AuditTamperTests.verification(http, "reference=" + reference);

        assertThat(offline.exit()).as(offline.output()).isZero();
        assertThat(offline.ok()).isTrue();
        assertThat(api.path("ok").asBoolean()).isTrue();
        assertThat(offline.chains()).isEqualTo(api.path("chainsChecked").asLong()).isEqualTo(1);
        assertThat(offline.entries()).isEqualTo(api.path("entriesChecked").asLong())
                .isEqualTo(AuditDatabase.entries(reference).size());
        assertThat(offline.output()).contains("Resultaat: intact");
    }

    @Test
    void linesOfSeveralChainsMayBeInterleaved() {
        String one = newCase(null);
        String other = newCase(null);
        Path export = dir.resolve("two.ndjson");
        List<String> lines = jdbc.sql("SELECT * FROM audit_event WHERE chain IN (?, ?) ORDER BY sequence, chain")
                .params(one, other).query(AuditDatabase.ENTRY).list().stream().map(AuditEntry::exportLine).toList();
        write(export, lines);
        assertThat(lines.get(0)).contains("\"chain\":\"" + one + "\"");
        assertThat(lines.get(1)).contains("\"chain\":\"" + other + "\"");

        Result offline = run(export);

        assertThat(offline.exit()).as(offline.output()).isZero();
        assertThat(offline.chains()).isEqualTo(2);
        assertThat(offline.entries()).isEqualTo(lines.size());
    }

    @Test
    void aValueChangedInTheExportIsReportedAtTheEntryTheApiReportsForTheSameChange() {
        String reference = newCase(null);
        List<AuditEntry> entries = AuditDatabase.entries(reference);
        AuditEntry victim = entries.get(entries.size() / 2);
        Path export = export("tampered.ndjson", reference);
        List<String> lines = lines(export);
        int index = entries.indexOf(victim);
        String original = "\"actionDisplay\":\"" + victim.actionDisplay() + "\"";
        assertThat(lines.get(index)).contains(original);
        lines.set(index, lines.get(index).replace(original, "\"actionDisplay\":\"Niets bijzonders\""));
        write(export, lines);

        Result offline = run(export);

        assertThat(offline.exit()).as(offline.output()).isEqualTo(1);
        assertThat(offline.ok()).isFalse();
        assertThat(offline.chain()).isEqualTo(reference);
        assertThat(offline.sequence()).isEqualTo(victim.sequence());
        assertThat(offline.problem()).isEqualTo("Hash klopt niet: de inhoud van deze regel is gewijzigd");
        assertThat(offline.output()).contains("Resultaat: GEBROKEN");

        AuditDatabase.Snapshot snapshot = AuditDatabase.snapshot(reference);
        try {
            AuditDatabase.tamper(db -> db.sql("UPDATE audit_event SET action_display = 'Niets bijzonders' WHERE id = ?")
                    .param(victim.id()).update());
            JsonNode api = AuditTamperTests.verification(http, "reference=" + reference);
            AuditTamperTests.assertBroken(api, reference, offline.sequence(), victim.id(), offline.problem());
            assertThat(offline.entries()).isEqualTo(api.path("entriesChecked").asLong());
        } finally {
            AuditDatabase.restore(snapshot);
        }
    }

    @Test
    void aLineLeftOutOfTheExportIsReportedAsMissing() {
        String reference = newCase(null);
        Path export = export("gap.ndjson", reference);
        List<String> lines = lines(export);
        lines.remove(3);
        write(export, lines);

        Result offline = run(export);

        assertThat(offline.exit()).isEqualTo(1);
        assertThat(offline.chain()).isEqualTo(reference);
        assertThat(offline.sequence()).isEqualTo(4);
        assertThat(offline.problem()).isEqualTo("Regel ontbreekt: volgnummer 4 verwacht, 5 gevonden");
    }

    @Test
    void anExportStartingInTheMiddleOfAChainVerifiesOnlyWhenThatIsAllowed() {
        String reference = newCase(null);
        Path export = export("period.ndjson", reference);
        List<String> lines = lines(export);
        write(export, lines.subList(2, lines.size()));

        Result whole = run(export);
        assertThat(whole.exit()).isEqualTo(1);
        assertThat(whole.problem()).isEqualTo("Regel ontbreekt: volgnummer 1 verwacht, 3 gevonden");

        Result partial = run(export, "--partial");
        assertThat(partial.exit()).as(partial.output()).isZero();
        assertThat(partial.entries()).isEqualTo(lines.size() - 2);
        assertThat(partial.output()).contains("begint bij 3");
    }

    @Test
    void aLineThatIsNotAnExportLineIsBroken() {
        String reference = newCase(null);
        Path export = export("garbage.ndjson", reference);
        List<String> lines = lines(export);
        lines.set(1, lines.get(1).replace("\"sequence\":2,", "\"sequence\":2.0,"));
        write(export, lines);

        Result offline = run(export);

        assertThat(offline.exit()).isEqualTo(1);
        assertThat(offline.problem()).startsWith("Regel is geen geldige exportregel");
    }

    @Test
    void theOfflineVerifierRepeatsTheCanonicalJsonOfTheApplicationWordForWord() {
        String application = read(Path.of("src", "main", "java", "nl", "doorbraak", "audit", "CanonicalJson.java"));
        String offline = read(VERIFIER);
        for (String function : List.of("private static void write(", "private static void string(")) {
            assertThat(method(offline, function)).as(function).isEqualTo(method(application, function));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The text of a method, from its signature to the closing brace at its own indentation. */
    private static String method(String source, String signature) {
        int start = source.indexOf(signature);
        assertThat(start).as(signature).isGreaterThanOrEqualTo(0);
        int end = source.indexOf("\n    }\n", start);
        return source.substring(start, end);
    }

    private String newCase(String title) {
        Map<String, Object> body = new LinkedHashMap<>(ruleChange(VLAARDINGEN_AREA, uniqueEmail(VLAARDINGEN)));
        if (title != null) {
            body.put("conflict", title + " " + body.get("conflict"));
        }
        String reference = submit(http, VLAARDINGEN, body);
        assertThat(AuditDatabase.entries(reference)).hasSizeGreaterThanOrEqualTo(6);
        return reference;
    }

    /** The case's entries as an auditor receives them: one export line each, in sequence order. */
    private Path export(String name, String reference) {
        Path file = dir.resolve(name);
        write(file, jdbc.sql("SELECT * FROM audit_event WHERE chain = ? ORDER BY chain, sequence").param(reference)
                .query(AuditDatabase.ENTRY).list().stream().map(AuditEntry::exportLine).toList());
        return file;
    }

    record Result(int exit, String output, boolean ok, long chains, long entries, String chain, Long sequence,
                  String problem) {
    }

    private static Result run(Path export, String... options) {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                VERIFIER.toString()));
        command.addAll(List.of(options));
        command.add(export.toString());
        try {
            Process process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Matcher result = output.lines().filter(line -> line.startsWith("RESULT ")).map(RESULT::matcher)
                    .filter(Matcher::matches).findFirst()
                    .orElseThrow(() -> new AssertionError("No RESULT line in:\n" + output));
            return new Result(process.exitValue(), output, Boolean.parseBoolean(result.group(1)),
                    Long.parseLong(result.group(2)), Long.parseLong(result.group(3)), result.group(5),
                    result.group(6) == null ? null : Long.parseLong(result.group(6)), result.group(8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        return String.join("\n", lines(file));
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
