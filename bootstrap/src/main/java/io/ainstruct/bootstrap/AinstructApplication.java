package io.ainstruct.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts an entry point (REST, MCP, CLI) on the configured database: {@code DATABASE_URL} or
 * {@code datasources.default.url} when given, otherwise an embedded PostgreSQL in the data directory.
 */
public final class AinstructApplication {
    private static final Logger LOG = LoggerFactory.getLogger(AinstructApplication.class);

    private AinstructApplication() {
    }

    public static ApplicationContext run(Class<?> mainClass, String... args) {
        Map<String, Object> properties = new HashMap<>();
        Optional<EmbeddedDatabase> embedded = chooseDatabase(properties);
        ApplicationContext context = Micronaut.build(args).mainClass(mainClass).properties(properties).start();
        embedded.ifPresent(database -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            database.close();
        }, "embedded-postgres-stop")));
        return context;
    }

    private static Optional<EmbeddedDatabase> chooseDatabase(Map<String, Object> properties) {
        Optional<String> databaseUrl = setting("DATABASE_URL", "database.url");
        if (databaseUrl.isPresent()) {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl.get());
            properties.put("datasources.default.url", url.jdbcUrl());
            url.username().ifPresent(user -> properties.put("datasources.default.username", user));
            url.password().ifPresent(password -> properties.put("datasources.default.password", password));
            return Optional.empty();
        }
        if (setting("DATASOURCES_DEFAULT_URL", "datasources.default.url").isPresent()) {
            return Optional.empty();
        }
        Path dataDir = Path.of(setting("AINSTRUCT_DATA_DIR", "ainstruct.data-dir").orElse("data"));
        LOG.info("No DATABASE_URL: starting the embedded PostgreSQL in {}", dataDir.toAbsolutePath());
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        properties.put("datasources.default.url", database.jdbcUrl());
        properties.put("ainstruct.data-dir", dataDir.toString());
        if (setting("AINSTRUCT_DEV_MODE", "ainstruct.dev-mode").isEmpty()) {
            properties.put("ainstruct.dev-mode", true);
        }
        return Optional.of(database);
    }

    private static Optional<String> setting(String environmentVariable, String systemProperty) {
        return Optional.ofNullable(System.getProperty(systemProperty))
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
                .filter(value -> !value.isBlank());
    }
}
