package io.ainstruct.adapter.cli;

import io.ainstruct.application.backup.Backups;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backup}: a consistent, checksummed archive of the PostgreSQL data. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write every table, as of one snapshot, to a zip archive with a manifest of row counts and "
                + "SHA-256 checksums. The server may keep running.")
final class BackupCommand implements Callable<Integer> {
    private final ApplicationStarter application;

    @Option(names = "--file", required = true, description = "The archive to write (replaced if it exists).")
    Path file;

    @Mixin
    DatabaseOption database;

    BackupCommand(ApplicationStarter application) {
        this.application = application;
    }

    @Override
    public Integer call() {
        try (ApplicationContext context = application.start(database.url(), false)) {
            new ReportPrinter(System.out).print("Backed up to " + file.toAbsolutePath(),
                    context.getBean(Backups.class).backup(file));
            return 0;
        }
    }
}
