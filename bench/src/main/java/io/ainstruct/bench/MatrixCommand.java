package io.ainstruct.bench;

import io.ainstruct.adapter.embedding.JtokkitTokenizer;
import io.ainstruct.adapter.embedding.LocalEmbedder;
import io.ainstruct.adapter.embedding.LocalModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import static io.ainstruct.bench.BenchLog.log;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The load matrix: REST GET by id, list, search and store at 1, 8, 32 and 128 connections (wrk), each next to a raw
 * baseline from the same run (JDBC for the reads, the embedder for search and store), MCP tool calls at 8 sessions,
 * the server's resident memory at idle and under load, and its start-up time to ready; on the embedded database and,
 * with {@code --database-url}, on an external PostgreSQL; then the GET cells again on JDK 25. Writes the part of
 * {@code docs/BENCHMARKS.md} between {@code <!-- generated:start -->} and {@code <!-- generated:end -->}.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "The load matrix: REST GET, list, search and store at several connection counts, MCP at 8 sessions, "
                + "memory and start-up, each next to a raw baseline; rewrites the generated part of docs/BENCHMARKS.md.")
final class MatrixCommand implements Callable<Integer> {
    static final String START = "<!-- generated:start -->";
    static final String END = "<!-- generated:end -->";
    /** The raw JDBC baseline never opens more connections than this: an external server allows 100 by default. */
    private static final int MAX_JDBC_THREADS = 64;

    @Mixin
    SharedOptions shared;

    @Option(names = "--seconds", defaultValue = "8", description = "measured seconds per cell (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed seconds before each cell (default: ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--levels", split = ",", defaultValue = "1,8,32,128", description = "connection counts (default: ${DEFAULT-VALUE})")
    int[] levels;

    @Option(names = "--docs", defaultValue = "400", description = "documents stored before the cells (default: ${DEFAULT-VALUE})")
    int docCount;

    @Option(names = "--jdk25", description = "a second java (e.g. a JDK 25) for the GET cells again; skipped when not given")
    Path jdk25;

    private Path repo;
    private Path work;
    private Servers servers;

    @Override
    public Integer call() throws Exception {
        long runStart = System.nanoTime();
        repo = shared.repo();
        work = Files.createTempDirectory("ainstruct-matrix-");
        Path jar = work.resolve("server.jar");
        Files.copy(shared.serverJar(), jar);
        Path java = shared.serverJava();
        Optional<Path> java25 = Optional.ofNullable(jdk25);
        Optional<String> external = shared.databaseUrl();
        MatrixReport report = new MatrixReport(shared.command("bench/matrix.sh"), levels, seconds, warmUp);
        report.machine(Machine.nproc(), Machine.memory(), Machine.cpuModel(), Machine.kernel(), Wrk.version().orElse("wrk ?"));
        report.uptime("start", uptime());
        servers = new Servers(shared, jar);
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "matrix-cleanup"));

        List<Corpus.Doc> docs = Corpus.generate(42, docCount, new JtokkitTokenizer());
        List<String> queries = Corpus.queries(42, 200);
        Path idsFile = work.resolve("ids.txt");
        Path queriesFile = work.resolve("queries.txt");
        Files.write(queriesFile, queries.stream().map(q -> q.replace("\"", "")).toList());

        report.embedderBaselines(embedderBaselines(queries));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String jwtSecret = Base64.getEncoder().encodeToString(secret);
        try {
            Path embeddedData = work.resolve("embedded");
            Seeded seeded = phase(report, "embedded PostgreSQL (the server's own)", Machine.javaVersion(java), java,
                    embeddedData, Optional.empty(), jwtSecret, docs, idsFile, queriesFile, null);
            if (external.isPresent()) {
                Optional<String> url = servers.freshDatabase("matrix");
                phase(report, "external PostgreSQL at " + external.get().replaceAll("password=[^&]*", "password=***"),
                        Machine.javaVersion(java), java, work.resolve("external"), url, jwtSecret, docs, idsFile,
                        queriesFile, null);
            }
            if (java25.isPresent()) {
                phase(report, "embedded PostgreSQL (the server's own), same data", Machine.javaVersion(java25.get()),
                        java25.get(), embeddedData, Optional.empty(), jwtSecret, docs, idsFile, queriesFile, seeded);
            }
        } finally {
            servers.close();
        }
        report.uptime("end", uptime());
        report.totalMinutes((System.nanoTime() - runStart) / 60e9);
        String markdown = report.markdown();
        System.out.println(markdown);
        Optional<Path> file = shared.report("docs/BENCHMARKS.md");
        if (file.isPresent()) {
            Files.writeString(file.get(), Splice.between(START, END,
                    Files.exists(file.get()) ? Files.readString(file.get()) : "# Benchmarks\n", markdown));
            log("wrote the generated part of %s", file.get());
        }
        return 0;
    }

    /** The user and documents of the first phase, reused by a later phase on the same data directory. */
    record Seeded(String username, String password, String collection, List<String> ids) {
    }

    private Seeded phase(MatrixReport report, String database, String jvm, Path java, Path dataDir,
                         Optional<String> url, String jwtSecret, List<Corpus.Doc> docs, Path idsFile, Path queriesFile,
                         Seeded reuse) throws Exception {
        MatrixReport.Phase phase = report.phase(database, jvm, uptime());
        log("phase: %s, %s", database, jvm);
        try (ServerProcess server = servers.start("matrix", java, dataDir, url, Optional.of(jwtSecret), Map.of())) {
            phase.startupSeconds = server.secondsToReady();
            Api api = server.api();
            Seeded seeded;
            if (reuse == null) {
                String username = "matrix_" + Long.toHexString(System.nanoTime());
                String password = "matrix-password";
                api.signUpAndLogIn(username, password);
                String collection = api.createCollection("matrix");
                Loads.Ingest ingest = Loads.ingest(api, docs.stream().map(d -> Loads.storeBody(collection, d)).toList(), 4);
                server.awaitBacklogZero(Duration.ofMinutes(10));
                seeded = new Seeded(username, password, collection, ingest.storedIds());
                log("stored %d documents (%d chunks) in %.1f s", ingest.documents(), ingest.chunks(), ingest.seconds());
            } else {
                seeded = reuse;
                api.logIn(reuse.username(), reuse.password());
            }
            Files.write(idsFile, seeded.ids());
            String jdbcUrl = url.orElseGet(() -> "jdbc:postgresql://127.0.0.1:" + embeddedPort(server) + "/postgres?user=postgres");
            Map<String, String> env = Map.of("IDS_FILE", idsFile.toString(), "QUERIES_FILE", queriesFile.toString(),
                    "COLLECTION", seeded.collection());
            // JIT warm-up, untimed; a server on data stored by an earlier phase has served nothing yet, so it gets longer.
            wrk(api, "random-get.lua", env, api.token(), 8, Duration.ofSeconds(reuse == null ? 5 : 20));
            Thread.sleep(1_000);
            phase.rssIdleKb = rssKb(server.pid());
            DoubleSupplier serverCpu = () -> cpu(server);
            DoubleSupplier baselineCpu = () -> Cpu.self() + orZero(postgresCpu(server));
            List<String> operations = reuse == null ? List.of("GET by id", "list", "search", "store") : List.of("GET by id");
            for (String operation : operations) {
                for (int level : levels) {
                    if (reuse != null && level != 8 && level != 32) {
                        continue;
                    }
                    MatrixReport.Cell cell = cell(server, api, operation, scriptOf(operation), env, api.token(), level, serverCpu);
                    if (operation.equals("GET by id") || operation.equals("list")) {
                        cell.baseline = jdbcBaseline(jdbcUrl, operation, seeded, Math.min(level, MAX_JDBC_THREADS), baselineCpu);
                    }
                    phase.cells.add(cell);
                }
            }
            if (reuse == null) {
                String pat = api.issuePersonalAccessToken("matrix");
                for (String tool : List.of("get_document_tool", "search_documents_tool")) {
                    Map<String, String> mcpEnv = new HashMap<>(env);
                    mcpEnv.put("TOOL", tool);
                    phase.mcp.add(cell(server, api, "MCP " + tool, "mcp-call.lua", mcpEnv, pat, 8, serverCpu));
                }
            }
            phase.uptimeAfter = uptime();
            return seeded;
        }
    }

    private static String scriptOf(String operation) {
        return switch (operation) {
            case "GET by id" -> "random-get.lua";
            case "list" -> "rest-list.lua";
            case "search" -> "rest-search.lua";
            default -> "rest-store.lua";
        };
    }

    private MatrixReport.Cell cell(ServerProcess server, Api api, String operation, String script, Map<String, String> env,
                                   String token, int connections, DoubleSupplier serverCpu) throws Exception {
        wrk(api, script, env, token, connections, Duration.ofSeconds(warmUp));
        String load = Machine.loadAverage();
        AtomicLong peakRss = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakRss.accumulateAndGet(rssKb(server.pid()), Math::max);
                sleep(250);
            }
        }, "rss-sampler");
        sampler.start();
        double cpu0 = serverCpu.getAsDouble();
        Wrk.Result result = wrk(api, script, env, token, connections, Duration.ofSeconds(seconds));
        double cpu = serverCpu.getAsDouble() - cpu0;
        sampling.set(false);
        sampler.join();
        MatrixReport.Cell cell = new MatrixReport.Cell(operation, connections, result.requestsPerSecond(), result.p50Ms(),
                result.p99Ms(), result.non2xx() + Wrk.socketErrorCount(result), cpu * 1000 / Math.max(1, result.requests()),
                peakRss.get(), load);
        log("%s @%d: %.0f/s, p50 %.2f ms, p99 %.2f ms, %d errors, %.3f CPU ms/op, RSS peak %d MB", operation, connections,
                cell.opsPerSecond, cell.p50Ms, cell.p99Ms, cell.errors, cell.cpuMsPerOp, cell.rssPeakKb / 1024);
        return cell;
    }

    private Wrk.Result wrk(Api api, String script, Map<String, String> env, String token, int connections, Duration duration)
            throws IOException, InterruptedException {
        return Wrk.run(api.base(), repo.resolve("bench/wrk").resolve(script), env, token, 2, connections, duration);
    }

    /** The same reads without the server: a JDBC client on a HikariCP pool, against the server's own database. */
    private MatrixReport.Baseline jdbcBaseline(String jdbcUrl, String operation, Seeded seeded, int threads,
                                               DoubleSupplier cpu) throws InterruptedException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(threads);
        config.setMinimumIdle(threads);
        config.setPoolName("matrix-baseline");
        List<UUID> ids = seeded.ids().stream().map(UUID::fromString).toList();
        UUID collection = UUID.fromString(seeded.collection());
        boolean get = operation.equals("GET by id");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Loads.Op op = () -> {
                try (Connection connection = pool.getConnection()) {
                    if (get) {
                        readAll(connection, "SELECT * FROM documents WHERE id = ?", ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                    } else {
                        readAll(connection, "SELECT id, collection_id, title, document_type, metadata, chunk_count, token_count, "
                                + "created_at, updated_at FROM documents WHERE collection_id = ? "
                                + "ORDER BY created_at DESC, id LIMIT 20 OFFSET " + ThreadLocalRandom.current().nextInt(201), collection);
                        readAll(connection, "SELECT count(*) FROM documents WHERE collection_id = ?", collection);
                    }
                }
            };
            Loads.timedLoop("jdbc-warmup", threads, Duration.ofSeconds(1), op);
            double cpu0 = cpu.getAsDouble();
            Loads.Timed timed = Loads.timedLoop("jdbc", threads, Duration.ofSeconds(Math.max(3, seconds / 2)), op);
            double cpuSeconds = cpu.getAsDouble() - cpu0;
            return new MatrixReport.Baseline(get ? "JDBC `SELECT * FROM documents WHERE id = ?`"
                    : "JDBC: the page query and its count", threads, timed.perSecond(), timed.latency().percentileMs(50),
                    timed.latency().percentileMs(99), timed.failures(), cpuSeconds * 1000 / Math.max(1, timed.operations()));
        }
    }

    private static void readAll(Connection connection, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rows.getObject(c);
                    }
                }
            }
        }
    }

    /**
     * The embedder alone, in this JVM: what a store (one short note, one chunk) and a search (one query) cannot avoid.
     * Measured at 1 and 8 threads; more threads than that only queue for the same 2 cores.
     */
    private Map<String, MatrixReport.Baseline> embedderBaselines(List<String> queries) throws InterruptedException {
        LocalEmbedder embedder = new LocalEmbedder(LocalModel.ALL_MINILM_L6_V2_Q);
        String note = "# Harbour note\n\nThe harbour lights were lit at dusk, and the ferry crossed the bay twice before the tide "
                + "turned. Fishermen mended their nets on the quay while gulls argued over the morning catch, and the old "
                + "lighthouse keeper wrote down the wind, the swell and the names of the boats that came home late.";
        Map<String, MatrixReport.Baseline> baselines = new LinkedHashMap<>();
        for (int threads : new int[] {1, 8}) {
            for (String kind : List.of("store", "search")) {
                Loads.Op op = kind.equals("store") ? () -> embedder.embedPassages(List.of(note))
                        : () -> embedder.embedQuery(queries.get(ThreadLocalRandom.current().nextInt(queries.size())));
                Loads.timedLoop("embed-warmup", threads, Duration.ofSeconds(2), op);
                double cpu0 = Cpu.self();
                Loads.Timed timed = Loads.timedLoop("embed", threads, Duration.ofSeconds(Math.max(3, seconds / 2)), op);
                double cpu = Cpu.self() - cpu0;
                baselines.put(kind + "@" + threads, new MatrixReport.Baseline(kind.equals("store")
                        ? "the local embedder on the same note, in the harness JVM" : "the local embedder on one query, in the harness JVM",
                        threads, timed.perSecond(), timed.latency().percentileMs(50), timed.latency().percentileMs(99),
                        timed.failures(), cpu * 1000 / Math.max(1, timed.operations())));
                log("baseline %s @%d threads: %.0f/s, %.3f CPU ms/op", kind, threads, timed.perSecond(), cpu * 1000 / timed.operations());
            }
        }
        return baselines;
    }


    private static double cpu(ServerProcess server) {
        return server.jvmCpuSeconds() + orZero(postgresCpu(server));
    }

    private static double postgresCpu(ServerProcess server) {
        try {
            return server.postgresCpuSeconds();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /** Resident set size of a process in KiB, from {@code /proc/<pid>/status}; 0 when unknown. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int embeddedPort(ServerProcess server) {
        try {
            return server.embeddedPostgresPort().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uptime() {
        return Machine.command(List.of("uptime")).orElse("?").trim();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
