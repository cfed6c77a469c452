package nl.doorbraak.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a database that cannot be reached is recognised and answered, wherever the failure
 * surfaces: in a controller (the exception handler) or before one (the filter). The outage
 * itself, on a real PostgreSQL that is stopped and started, is {@code DatabaseOutageTests}.
 */
class DatabaseOutageProblemTests {

    /** The ways a lost database reaches the application, as Spring, Camunda and MyBatis wrap it. */
    private static final Map<String, Supplier<RuntimeException>> OUTAGES = Map.of(
            "no-transaction", () -> new CannotCreateTransactionException("Could not open JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
            "no-connection", () -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLException("Connection refused", "08001")),
            "engine", () -> new ProcessEngineException("Could not execute query",
                    new PersistenceException(new SQLException("An I/O error occurred", "08006"))),
            "shutdown-at-commit", () -> new TransactionSystemException("Could not commit JDBC transaction",
                    new SQLException("terminating connection due to administrator command", "57P01")),
            "rollback-hides-it", DatabaseOutageProblemTests::rollbackHidingTheOutage);

    /** As seen on a pooled connection the server had closed: the failed rollback hides the I/O error. */
    private static RuntimeException rollbackHidingTheOutage() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new ProcessEngineException("An exception occurred in the persistence layer",
                new PersistenceException(new SQLException("An I/O error occurred while sending to the backend",
                        "08006"))));
        return new ProcessEngineException("An exception occurred in the persistence layer", rollback);
    }

    @RestController
    static class DatabaseController {

        @GetMapping("/outage/{kind}")
        String outage(@PathVariable String kind) {
            throw OUTAGES.get(kind).get();
        }

        @GetMapping("/duplicate")
        String duplicate() {
            throw new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505"));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DatabaseController())
            .setControllerAdvice(new ProblemExceptionHandler(event -> { }))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"no-transaction", "no-connection", "engine", "shutdown-at-commit", "rollback-hides-it"})
    void aLostDatabaseInAControllerIsA503WithRetryAfter(String kind) throws Exception {
        String body = mvc.perform(get("/outage/" + kind))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Dienst niet beschikbaar"))
                .andExpect(jsonPath("$.detail").value(DatabaseOutage.DETAIL))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("SQL").doesNotContain("Hikari").doesNotContain("Exception");
    }

    @Test
    void otherDatabaseErrorsRemainA500() throws Exception {
        mvc.perform(get("/duplicate"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Retry-After"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-transaction", "no-connection", "engine", "shutdown-at-commit", "rollback-hides-it"})
    void aLostDatabaseBeforeAnyControllerIsA503Too(String kind) throws Exception {
        DatabaseOutage filter = new DatabaseOutage(new ObjectMapper());
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/requests"), response, (request, ignored) -> {
            throw OUTAGES.get(kind).get();
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.getContentAsString());
        assertThat(problem.path("detail").asText()).isEqualTo(DatabaseOutage.DETAIL);
    }

    @Test
    void theFilterLetsOtherFailuresThrough() {
        DatabaseOutage filter = new DatabaseOutage(new ObjectMapper());
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/requests"),
                new MockHttpServletResponse(), (request, response) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
