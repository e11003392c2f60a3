package io.ainstruct.application.migration;

import io.ainstruct.domain.port.LegacySource;

import java.nio.file.Path;

/** Opens the legacy database file an operator names. The launcher plugs the reader in, so no entry point names one. */
@FunctionalInterface
public interface LegacyFiles {
    LegacySource open(Path file);
}
