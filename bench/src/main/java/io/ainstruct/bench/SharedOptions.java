package io.ainstruct.bench;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The options every benchmark that starts servers shares: which jar on which java, where its data goes, where the report goes. */
final class SharedOptions {
    static final String DEFAULT_SERVER_JAR = "server/target/ainstruct.jar";

    @Option(names = "--repo-root", defaultValue = ".", description = "the repository (for default paths; default: the current directory)")
    Path repoRoot;

    @Option(names = "--server-jar", description = "the server's runnable jar (default: <repo>/" + DEFAULT_SERVER_JAR + ")")
    Path serverJar;

    @Option(names = "--server-java", description = "the java that runs the server (default: the one running this command, from java.home)")
    Path serverJava;

    @Option(names = "--database-url", description = "run the servers on an external PostgreSQL, e.g. "
            + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres; a fresh database is created per server and dropped at the end "
            + "(default: the server's embedded PostgreSQL in a fresh temporary directory)")
    String databaseUrl;

    @Option(names = "--port", defaultValue = "0", description = "the port of each started server, one at a time (default 0: a free port)")
    int port;

    @Option(names = "--report", description = "the file the report is written to (each benchmark names its default)")
    Path report;

    @Option(names = "--no-report", description = "only print the figures")
    boolean noReport;

    @Option(names = "--keep-data", description = "keep the temporary directory (data, server logs) after a good run")
    boolean keepData;

    @Option(names = "--command", hidden = true, description = "the command line to record in the report (the shell scripts pass theirs)")
    String command;

    Path repo() {
        return repoRoot.toAbsolutePath().normalize();
    }

    /** The server jar, which must exist. */
    Path serverJar() {
        Path jar = serverJar != null ? serverJar : repo().resolve(DEFAULT_SERVER_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No server jar at " + jar + ": build it first, or pass --server-jar");
        }
        return jar;
    }

    Path serverJava() {
        return serverJava != null ? serverJava : Machine.currentJava();
    }

    Optional<String> databaseUrl() {
        return Optional.ofNullable(databaseUrl).filter(url -> !url.isBlank());
    }

    /** Where the report goes: {@code --report}, else {@code defaultPath} under the repository; empty with {@code --no-report}. */
    Optional<Path> report(String defaultPath) {
        return noReport ? Optional.empty() : Optional.of(report != null ? report : repo().resolve(defaultPath));
    }

    String command(String otherwise) {
        return command != null ? command : otherwise;
    }
}
