package nl.doorbraak.request;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Hands out references such as {@code NPLV-2026-00042} from a database sequence. */
@Component
class ReferenceNumbers {

    private static final String SEQUENCE = "request_number_seq";

    private final DataFieldMaxValueIncrementer sequence;

    ReferenceNumbers(DataSource dataSource) throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.sequence = "H2".equals(database)
                ? new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }

    String next(int year) {
        return String.format("NPLV-%d-%05d", year, sequence.nextLongValue());
    }
}
