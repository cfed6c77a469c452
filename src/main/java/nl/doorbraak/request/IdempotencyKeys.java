package nl.doorbraak.request;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Makes retries with one Idempotency-Key wait for each other instead of racing: the first takes a
 * reference number and registers the request, the others find it once it has committed and take
 * no number. Without the lock each retry would take a number from the sequence before the unique
 * key refused it, leaving a gap in the register.
 */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final boolean advisoryLocks;

    IdempotencyKeys(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.advisoryLocks = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /**
     * Holds the key of this municipality until the current transaction ends. PostgreSQL only (a
     * transaction-scoped advisory lock on the key's hash; a collision merely makes two unrelated
     * submissions wait); on H2, the zero-setup default, a racing retry is refused by the unique key
     * and answered from the first submission, and its number is recorded as unused.
     */
    void lock(String municipalityCode, String key) {
        if (advisoryLocks) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                    // the CBS code always has four characters, so code and key need no separator
                    .param(municipalityCode + key).query().singleRow();
        }
    }
}
