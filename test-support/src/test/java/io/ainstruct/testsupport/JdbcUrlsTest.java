package io.ainstruct.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsTheParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "fresh"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/fresh?user=postgres");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/test", "fresh"))
                .isEqualTo("jdbc:postgresql://db:5432/fresh");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db?user=x", "fresh"))
                .isEqualTo("jdbc:postgresql://db/fresh?user=x");
    }

    @Test
    void readsParameters() {
        String url = "jdbc:postgresql://db/test?user=postgres&password=p%40ss";

        assertThat(JdbcUrls.parameter(url, "user")).isEqualTo("postgres");
        assertThat(JdbcUrls.parameter(url, "password")).isEqualTo("p@ss");
        assertThat(JdbcUrls.parameter(url, "ssl")).isNull();
        assertThat(JdbcUrls.parameter("jdbc:postgresql://db/test", "user")).isNull();
    }

    @Test
    void masksThePasswordForPrinting() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://db/test?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://db/test?user=u&password=***");
    }

    @Test
    void refusesAnotherKindOfUrl() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://db/test", "fresh"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
