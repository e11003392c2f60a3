package io.ainstruct.adapter.cli;

import io.ainstruct.application.migration.LegacyImport;

import java.util.List;

/** The operator's commands (migrate, reindex, backup, restore), for the launcher's command line. */
public final class OperatorCommands {
    private OperatorCommands() {
    }

    public static List<Object> all(ApplicationStarter application, LegacyImport legacyImport) {
        return List.of(new MigrateCommand(application, legacyImport), new ReindexCommand(application),
                new BackupCommand(application), new RestoreCommand(application));
    }
}
