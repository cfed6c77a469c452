package nl.doorbraak.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database that cannot be reached is a 503 with Retry-After, not a 500: the caller should
 * simply try again. Recognised anywhere in the cause chain (Spring, Camunda and MyBatis wrap the
 * driver's exception): Spring's "could not get a connection / begin a transaction", the pool's
 * connection timeout, and SQL states 08 (connection exception) and 57P (the server shutting
 * down or starting). The pool's bounded connection timeout ({@code spring.datasource.hikari.
 * connection-timeout}) is what makes the answer come fast. This filter answers what fails
 * outside Spring MVC (authentication reads the identities from the database first);
 * {@link ProblemExceptionHandler} answers what fails inside.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class DatabaseOutage extends OncePerRequestFilter {

    public static final String DETAIL = "De dienst kan de gegevens tijdelijk niet bereiken. Probeer het over "
            + "enkele ogenblikken opnieuw.";
    public static final String RETRY_AFTER_SECONDS = "10";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final ObjectMapper objectMapper;

    DatabaseOutage(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public static boolean isCauseOf(Throwable failure) {
        return isCauseOf(failure, 0);
    }

    private static boolean isCauseOf(Throwable failure, int depth) {
        if (failure == null || depth > 32) {
            return false;
        }
        if (failure instanceof CannotCreateTransactionException || failure instanceof DataAccessResourceFailureException
                || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true;
        }
        // a rollback on a dead connection fails too, and hides the failure that made it roll back
        if (failure instanceof TransactionSystemException rollback && isCauseOf(rollback.getApplicationException(),
                depth + 1)) {
            return true;
        }
        return isCauseOf(failure.getCause(), depth + 1);
    }

    public static void log(Throwable failure) {
        log.warn("Database not reachable, answered 503: {}", failure.toString());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!isCauseOf(failure) || response.isCommitted()) {
                throw failure;
            }
            log(failure);
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            Problems.write(response, objectMapper, HttpStatus.SERVICE_UNAVAILABLE, DETAIL, request.getRequestURI());
        }
    }
}
