package io.ainstruct.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTest {

    @Test
    void eachFreshDatabaseIsNewAndEmpty() throws SQLException {
        String first = TestDatabase.freshDatabase();
        String second = TestDatabase.freshDatabase();

        assertThat(first).isNotEqualTo(second);
        try (Connection connection = DriverManager.getConnection(first, TestDatabase.username(), TestDatabase.password());
             ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getLong(1)).isZero();
        }
    }

    @Test
    void givesMicronautTheDefaultDatasource() {
        String url = TestDatabase.freshDatabase();

        assertThat(TestDatabase.micronautProperties(url))
                .containsEntry("datasources.default.url", url)
                .containsEntry("datasources.default.driver-class-name", "org.postgresql.Driver")
                .containsKey("datasources.default.maximum-pool-size");
    }
}
