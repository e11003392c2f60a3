package io.ainstruct.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another local user must not reach the embedded database as its superuser just by knowing the port. */
class EmbeddedDatabasePasswordTest {
    @TempDir
    Path dataDir;

    @Test
    void aConnectionWithoutThePasswordIsRefusedAndTheDatabaseStartsAgainOnItsData() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + first.port() + "/postgres?user=postgres").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + first.port() + "/postgres?user=postgres&password=postgres").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            try (Connection connection = DriverManager.getConnection(first.jdbcUrl())) {
                connection.createStatement().execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedPassword.FILE)))).isEqualTo("rw-------");

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir);
             Connection connection = DriverManager.getConnection(second.jdbcUrl());
             ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + second.port() + "/postgres?user=postgres").close())
                    .isInstanceOf(SQLException.class);
        }
    }
}
