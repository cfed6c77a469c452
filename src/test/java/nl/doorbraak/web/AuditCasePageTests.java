package nl.doorbraak.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.web.WebPagesTests.NIEUWEGEIN;
import static nl.doorbraak.web.WebPagesTests.NIEUWEGEIN_AREA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's case page agrees with itself: the number of lines the verification names, the
 * range shown, the lines listed and the chain in the database are one and the same count, on the
 * first page and on a later one — with the page's own read, recorded before it is shown, counted
 * everywhere.
 */
@PostgresIntegrationTest
class AuditCasePageTests {

    private static final Pattern TRAIL = Pattern.compile("<ol class=\"trail\" start=\"(\\d+)\">(.*?)</ol>", Pattern.DOTALL);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** The numbers a case page shows. */
    record Numbers(List<Long> totals, long first, long last, long start, List<String> lines) {
    }

    @Test
    void theCountTheRangeAndTheLinesAgreeOnTheFirstPageAndOnALaterOne() {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        WebSession auditor = WebSession.loggedIn(port, TestUsers.AUDITOR);
        String casePage = "/audit/zaken/" + reference;

        // every read is a line of the chain: read until it is longer than one page
        Numbers first = numbers(auditor.get(casePage).body());
        while (first.totals().get(0) <= TrailPage.SIZE + 3) {
            first = numbers(auditor.get(casePage).body());
        }
        long total = first.totals().get(0);
        assertThat(first.totals()).as("the verdict and the range name one count").containsOnly(total);
        assertThat(total).as("the chain in the database, this read included")
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE chain = ?", Long.class, reference));
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.start()).isEqualTo(1);
        assertThat(first.last()).isEqualTo(TrailPage.SIZE);
        assertThat(first.lines()).hasSize(TrailPage.SIZE);

        Numbers second = numbers(auditor.get(casePage + "?pagina=2").body());
        long totalNow = second.totals().get(0);
        assertThat(totalNow).as("one more read").isEqualTo(total + 1);
        assertThat(second.totals()).containsOnly(totalNow);
        assertThat(second.first()).isEqualTo(TrailPage.SIZE + 1);
        assertThat(second.start()).isEqualTo(TrailPage.SIZE + 1);
        assertThat(second.last()).isEqualTo(totalNow);
        assertThat((long) second.lines().size()).isEqualTo(totalNow - TrailPage.SIZE);
        assertThat(second.lines().get(second.lines().size() - 1)).as("the last line is this read itself")
                .contains("Audittrail ingezien");

        // a page beyond the last shows the last
        Numbers beyond = numbers(auditor.get(casePage + "?pagina=9").body());
        assertThat(beyond.first()).isEqualTo(TrailPage.SIZE + 1);
        assertThat(beyond.last()).isEqualTo(beyond.totals().get(0)).isEqualTo(totalNow + 1);
    }

    private static Numbers numbers(String page) {
        List<Long> totals = new ArrayList<>();
        Matcher total = Pattern.compile("<span class=\"total\">(\\d+)</span>").matcher(page);
        while (total.find()) {
            totals.add(Long.parseLong(total.group(1)));
        }
        assertThat(totals).as("the verdict's count and the range's").hasSize(2);
        Matcher trail = TRAIL.matcher(page);
        assertThat(trail.find()).as("the trail").isTrue();
        List<String> lines = new ArrayList<>();
        Matcher line = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL).matcher(trail.group(2));
        while (line.find()) {
            lines.add(line.group(1));
        }
        return new Numbers(totals, number(page, "first"), number(page, "last"), Long.parseLong(trail.group(1)), lines);
    }

    private static long number(String page, String span) {
        Matcher number = Pattern.compile("<span class=\"" + span + "\">(\\d+)</span>").matcher(page);
        assertThat(number.find()).as(span).isTrue();
        return Long.parseLong(number.group(1));
    }
}
