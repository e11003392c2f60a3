package io.ainstruct.server;

import io.ainstruct.adapter.legacy.PostgresLegacySource;
import io.ainstruct.adapter.legacy.SqliteLegacySource;
import io.ainstruct.application.migration.LegacySources;
import io.ainstruct.bootstrap.DatabaseUrl;
import io.ainstruct.domain.port.LegacySource;

import java.nio.file.Path;

/** {@code migrate --from}: a PostgreSQL URL of the Python service 4.x (any form its users write), else a SQLite file. */
final class LegacyDatabases implements LegacySources {

    @Override
    public LegacySource open(String from) {
        if (DatabaseUrl.isPostgres(from)) {
            DatabaseUrl url = DatabaseUrl.parse(from);
            return PostgresLegacySource.open(url.jdbcUrl(), url.username(), url.password());
        }
        return SqliteLegacySource.open(Path.of(from));
    }
}
