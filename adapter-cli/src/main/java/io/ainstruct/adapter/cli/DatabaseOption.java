package io.ainstruct.adapter.cli;

import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --database}: which PostgreSQL a command works on. */
final class DatabaseOption {

    @Option(names = "--database", description = "PostgreSQL URL (postgres://user:pass@host:port/db or "
            + "jdbc:postgresql:...); default: DATABASE_URL, else the embedded database of the data directory.")
    String url;

    Optional<String> url() {
        return Optional.ofNullable(url);
    }
}
