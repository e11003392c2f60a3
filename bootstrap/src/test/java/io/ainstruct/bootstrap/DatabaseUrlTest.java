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
}
