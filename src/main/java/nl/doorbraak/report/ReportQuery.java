package nl.doorbraak.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The bounds of the report and, for a municipality's report, its code: bound as named parameters. */
record ReportQuery(Instant from, Instant to, Instant asOf, String municipality) {

    String municipalityFilter() {
        return municipality == null ? "" : " AND r.municipality_code = :municipality";
    }

    /** The statement with every bound of the report; a statement uses the ones it names. */
    JdbcClient.StatementSpec sql(JdbcClient jdbc, String sql) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .param("asOf", asOf.atOffset(ZoneOffset.UTC))
                // the engine writes its history timestamps as local date-times of this JVM
                .param("asOfEngine", Timestamp.from(asOf));
        return municipality == null ? statement : statement.param("municipality", municipality);
    }
}
