package nl.doorbraak.request;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands out references such as {@code NPLV-2026-00042} from a database sequence. A sequence never
 * makes concurrent submissions wait for each other, but a number it gave to a transaction that
 * rolls back is gone: that number is recorded as unused, with the audit entry saying so.
 */
@Component
class ReferenceNumbers {

    private static final String SEQUENCE = "request_number_seq";
    private static final String PREFIX = "NPLV-";

    private final DataFieldMaxValueIncrementer sequence;
    private final UnusedReferenceNumbers unused;

    ReferenceNumbers(DataSource dataSource, UnusedReferenceNumbers unused) throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.sequence = "H2".equals(database)
                ? new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
        this.unused = unused;
    }

    /** A new reference; if the current transaction rolls back, the number is recorded as unused. */
    String next(int year) {
        long number = sequence.nextLongValue();
        String reference = format(year, number);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        unused.recordFailedSubmission(number, reference);
                    }
                }
            });
        }
        return reference;
    }

    static String format(int year, long number) {
        return String.format("%s%d-%05d", PREFIX, year, number);
    }

    /** The sequence number in a reference: 42 in {@code NPLV-2026-00042}. */
    static long numberOf(String reference) {
        return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
    }
}
