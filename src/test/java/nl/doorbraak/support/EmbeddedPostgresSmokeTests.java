package nl.doorbraak.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

class EmbeddedPostgresSmokeTests {

    @Test
    void startsARealPostgresServer() throws Exception {
        try (Connection connection = EmbeddedPostgresDatabase.server().getPostgresDatabase().getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT version()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 16");
        }
    }
}
