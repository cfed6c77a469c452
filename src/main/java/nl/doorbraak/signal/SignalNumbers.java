package nl.doorbraak.signal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * References such as {@code SIG-2026-001} from a sequence. Unlike a request's number, a gap here
 * (a start that rolled back) needs no explanation: nobody was promised a signal number.
 */
@Component
class SignalNumbers {

    private static final String SEQUENCE = "signal_number_seq";

    private final DataFieldMaxValueIncrementer sequence;

    SignalNumbers(DataSource dataSource) throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.sequence = "H2".equals(database)
                ? new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }

    String next(int year) {
        return String.format("SIG-%d-%03d", year, sequence.nextLongValue());
    }
}
