package io.ainstruct.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void jdbcUrlsPassThrough() {
        DatabaseUrl url = DatabaseUrl.parse(" jdbc:postgresql://db:5432/app?sslmode=require ");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
        assertThat(url.username()).isEmpty();
    }

    @Test
    void hostingProviderUrlsBecomeJdbcUrlsWithCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://ainstruct:s%40cret%3A1@db.internal:6543/memory?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/memory?sslmode=require");
        assertThat(url.username()).contains("ainstruct");
        assertThat(url.password()).contains("s@cret:1");
    }

    @Test
    void portAndPasswordAreOptional() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://reader@localhost/app");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(url.password()).isEqualTo(Optional.empty());
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingTheirSecret() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@db/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void sqlalchemyDriverSuffixesOfThePythonServiceAreRead() {
        DatabaseUrl asyncpg = DatabaseUrl.parse("postgresql+asyncpg://ainstruct:devpassword@db:5432/ainstruct?ssl=require");
        assertThat(asyncpg.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/ainstruct?sslmode=require");
        assertThat(asyncpg.username()).contains("ainstruct");
        assertThat(asyncpg.password()).contains("devpassword");
        assertThat(DatabaseUrl.parse("postgresql+psycopg://u@db/app?sslmode=verify-full&connect_timeout=5").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db/app?sslmode=verify-full&connect_timeout=5");
        assertThat(DatabaseUrl.isPostgres("postgresql+psycopg2://u@db/app")).isTrue();
        assertThat(DatabaseUrl.isPostgres("/var/lib/ainstruct/legacy.db")).isFalse();
    }
}
