package io.ainstruct.application.migration;

import io.ainstruct.domain.port.LegacySource;

/**
 * Opens the legacy database an operator names: a SQLite file, or a PostgreSQL URL. The launcher plugs the readers in,
 * so no entry point names one.
 */
@FunctionalInterface
public interface LegacySources {
    LegacySource open(String from);
}
