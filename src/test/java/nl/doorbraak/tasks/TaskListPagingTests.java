package nl.doorbraak.tasks;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/** The task list pages: a total, links to the other pages, and no task twice. */
@PostgresIntegrationTest
class TaskListPagingTests {

    @LocalServerPort
    int port;

    @Test
    void theTaskListPagesWithATotalAndLinks() {
        Http http = new Http(port);
        for (int i = 0; i < 3; i++) {
            submit(http, "dordrecht", ruleChange("dordrecht-west", "paging@dordrecht.example"));
        }
        HttpResponse<String> first = http.get("/api/v1/tasks?pageSize=2", TestUsers.PROGRAMME_OFFICE);
        assertThat(first.statusCode()).isEqualTo(200);
        long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(Http.json(first)).hasSize(2);
        assertThat(first.headers().firstValue("Link")).hasValue("</api/v1/tasks?page=2&pageSize=2>; rel=\"next\"");

        HttpResponse<String> second = http.get("/api/v1/tasks?page=2&pageSize=2", TestUsers.PROGRAMME_OFFICE);
        assertThat(second.headers().firstValue("Link")).hasValueSatisfying(link ->
                assertThat(link).contains("rel=\"prev\""));
        List<String> ids = new ArrayList<>(ids(Http.json(first)));
        ids.addAll(ids(Http.json(second)));
        assertThat(ids).doesNotHaveDuplicates().hasSize(4);

        long lastPage = (total + 1) / 2;
        HttpResponse<String> last = http.get("/api/v1/tasks?page=" + lastPage + "&pageSize=2",
                TestUsers.PROGRAMME_OFFICE);
        assertThat(last.headers().firstValue("Link")).hasValueSatisfying(link ->
                assertThat(link).doesNotContain("rel=\"next\""));
    }

    @Test
    void badPagingIsOneProblem() {
        JsonNode problem = assertProblem(new Http(port).get("/api/v1/tasks?page=0&pageSize=500&colour=red",
                TestUsers.AUDITOR), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("page", "pageSize", "colour");
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }
}
