package nl.doorbraak.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TasklistSession;

/**
 * A Tasklist start form the server refuses is a 400 with the Dutch message, and the log stays
 * quiet: no error from the engine, no server error from its REST layer, no stack trace.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedFormLogTests {

    @LocalServerPort
    int port;

    @Test
    void aRefusedTasklistFormIsA400WithoutAStackTraceInTheLog(CapturedOutput output) {
        TasklistSession tasklist = TasklistSession.loggedIn(port, AmountChannelTests.HEERLEN);
        int before = output.getAll().length();

        HttpResponse<String> refused = tasklist.postToEngine(
                "/process-definition/key/budget-pooling-request/submit-form",
                TasklistSession.formSubmit(AmountChannelTests.startForm("1.500")));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Http.json(refused).path("message").asText()).startsWith("Het formulier bevat een fout: ");
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("ENGINE-16004", "ENGINE-REST-HTTP500", "InvalidInputException",
                "\tat ");
    }
}
