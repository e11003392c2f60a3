package io.ainstruct.bench;

import io.ainstruct.adapter.embedding.JtokkitTokenizer;
import io.ainstruct.adapter.embedding.LocalMiniLmEmbedder;
import io.ainstruct.domain.chunking.ChunkingPolicy;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.chunking.TextChunk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * Runs the benchmarks against the real server (a separate {@code java -jar} process) and the raw baselines (the local
 * embedder in this JVM, a JDBC primary-key lookup on the same database), then prints the figures and writes
 * {@code docs/BENCHMARKS-ingest-search.md} ({@code docs/BENCHMARKS.md} belongs to the load matrix and other sections).
 * Measurements only: nothing here passes or fails.
 */
public final class BenchMain {
    private static final String USAGE = """
            Usage: bench/run.sh [options]     (or java -jar bench/target/ainstruct-bench.jar [options])
              --database-url URL      run the server on an external PostgreSQL, e.g.
                                      jdbc:postgresql://127.0.0.1:5432/test?user=postgres; a fresh database is
                                      created per server phase and dropped at the end (default: embedded PostgreSQL
                                      in a fresh temporary directory)
              --docs N                corpus size (default 2000)
              --ingest-docs N         documents POSTed in the ingest benchmark (default: all)
              --ingest-clients N      concurrent ingest clients (default 4)
              --embed-sample N        chunks embedded for the raw-embedder baseline (default 1000)
              --get-seconds N         duration of each GET run and of the JDBC baseline (default 15)
              --get-connections N     connections for GET and threads for JDBC (default 8)
              --warmup-seconds N      untimed warm-up before each GET run and the JDBC baseline (default 10)
              --search-chunks N       chunks to index before the search benchmark (default 20000)
              --search-chunk-tokens N chunk size of the search phase (default 48; overlap --search-chunk-overlap, 8)
              --search-queries N      queries per concurrency level (default 300)
              --load-generator G      auto (wrk if installed, else Java), wrk or java
              --server-java PATH      java for the main server run (default: the java running this harness)
              --jdk25 PATH            java for the extra GET run (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
              --no-jdk25              skip the JDK 25 GET run
              --server-jar PATH       default <repo>/adapter-rest/target/ainstruct-rest.jar
              --repo-root PATH        default: the current directory
              --report PATH           default <repo>/docs/BENCHMARKS-ingest-search.md; --no-report to only print
              --keep-data             keep the temporary directory (data, server logs) after the run
              --seed N                corpus seed (default 42)
            """;

    private final Map<String, String> options;
    private final Results results = new Results();
    private final List<ServerProcess> running = new ArrayList<>();
    private ExternalDatabases externalDatabases;
    private Path work;
    private boolean cleanedUp;

    private BenchMain(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + arg + "\n" + USAGE);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (Stream.of("no-jdk25", "no-report", "keep-data").anyMatch(name::equals)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value\n" + USAGE);
            }
        }
        int status = new BenchMain(options).run();
        System.exit(status);
    }

    private int run() throws Exception {
        long runStart = System.nanoTime();
        Path repo = Path.of(opt("repo-root", ".")).toAbsolutePath().normalize();
        Path serverJar = Path.of(opt("server-jar", repo.resolve("adapter-rest/target/ainstruct-rest.jar").toString()));
        if (!Files.isRegularFile(serverJar)) {
            System.err.println("No server jar at " + serverJar + ": build it first (./mvnw -B -q -DskipTests package)");
            return 2;
        }
        Path java = Path.of(opt("server-java", Machine.currentJava().toString()));
        Optional<Path> java25 = options.containsKey("no-jdk25") ? Optional.empty()
                : Optional.of(Path.of(opt("jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"))).filter(Files::isExecutable);
        long seed = Long.parseLong(opt("seed", "42"));
        int docCount = intOpt("docs", 2000);
        int ingestClients = intOpt("ingest-clients", 4);
        int embedSample = intOpt("embed-sample", 1000);
        int getSeconds = intOpt("get-seconds", 15);
        int connections = intOpt("get-connections", 8);
        int warmUp = intOpt("warmup-seconds", 10);
        int searchChunkTarget = intOpt("search-chunks", 20_000);
        int smallMax = intOpt("search-chunk-tokens", 48);
        int smallOverlap = intOpt("search-chunk-overlap", 8);
        int queryCount = intOpt("search-queries", 300);
        String generator = opt("load-generator", "auto");
        Optional<String> wrkVersion = Wrk.version();
        boolean useWrk = switch (generator) {
            case "wrk" -> {
                if (wrkVersion.isEmpty()) {
                    throw new IllegalStateException("--load-generator wrk, but wrk is not installed");
                }
                yield true;
            }
            case "java" -> false;
            default -> wrkVersion.isPresent();
        };

        results.command = opt("command", "java -jar bench/target/ainstruct-bench.jar " + String.join(" ", rawArgs()));
        results.date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT));
        results.nproc = Machine.nproc();
        results.memory = Machine.memory();
        results.cpu = Machine.cpuModel();
        results.kernel = Machine.kernel();
        results.loadAtStart = Machine.loadAverage();
        results.javaMain = java.toString();
        results.javaMainVersion = Machine.javaVersion(java);
        java25.ifPresent(j -> {
            results.java25 = j.toString();
            results.java25Version = Machine.javaVersion(j);
        });
        results.loadGenerator = useWrk ? wrkVersion.get() + " (-t2 -c" + connections + ", Lua script picking random ids)"
                : "Java HttpClient, " + connections + " threads in the harness JVM (wrk not installed)";
        results.seed = seed;
        results.getConnections = connections;
        results.getSeconds = getSeconds;
        results.warmUpSeconds = warmUp;
        results.searchQueries = queryCount;
        results.searchChunkTarget = searchChunkTarget;
        results.smallChunksMaxTokens = smallMax;
        results.smallChunksOverlap = smallOverlap;

        work = Files.createTempDirectory("ainstruct-bench-");
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "bench-cleanup"));
        // Run a private copy: a rebuild of the reactor during the run must not swap the jar under a phase.
        Path builtJar = serverJar;
        serverJar = work.resolve("server.jar");
        Files.copy(builtJar, serverJar);
        results.serverJar = repo.relativize(builtJar.toAbsolutePath().normalize()).toString().startsWith("..")
                ? builtJar.toString() : repo.relativize(builtJar.toAbsolutePath().normalize()).toString();
        results.serverJarTime = Files.getLastModifiedTime(builtJar).toInstant().toString();
        Optional<String> databaseUrl = Optional.ofNullable(options.get("database-url"));
        databaseUrl.ifPresent(url -> externalDatabases = new ExternalDatabases(url));
        byte[] secretBytes = new byte[32];
        new SecureRandom().nextBytes(secretBytes);
        String jwtSecret = Base64.getEncoder().encodeToString(secretBytes);
        results.database = databaseUrl.map(url -> "external PostgreSQL at " + url.replaceAll("password=[^&]*", "password=***")
                        + " (a fresh database per server phase, dropped at the end)")
                .orElse("embedded PostgreSQL (the server's own, in a fresh temporary data directory per phase)");

        log("machine: %s cores, %s, %s; load %s", results.nproc, results.memory, results.cpu, results.loadAtStart);
        log("server java: %s", results.javaMainVersion);
        log("work dir: %s", work);
        boolean ok = false;
        try {
            // ---------------------------------------------------------------- corpus and chunks
            JtokkitTokenizer tokenizer = new JtokkitTokenizer();
            List<Corpus.Doc> corpus = Corpus.generate(seed, docCount, tokenizer);
            results.corpusDocs = corpus.size();
            results.tokensMin = corpus.stream().mapToInt(Corpus.Doc::tokens).min().orElse(0);
            results.tokensMax = corpus.stream().mapToInt(Corpus.Doc::tokens).max().orElse(0);
            results.tokensMean = corpus.stream().mapToInt(Corpus.Doc::tokens).average().orElse(0);
            results.contentKbMean = corpus.stream().mapToInt(d -> d.content().getBytes(StandardCharsets.UTF_8).length)
                    .average().orElse(0) / 1024;
            results.codeBlocks = corpus.stream().mapToInt(d -> (d.content().split("```", -1).length - 1) / 2).sum();
            MarkdownChunker chunker = new MarkdownChunker(tokenizer, ChunkingPolicy.DEFAULT);
            int ingestCount = Math.min(intOpt("ingest-docs", corpus.size()), corpus.size());
            results.ingestDocsRequested = ingestCount;
            List<Corpus.Doc> ingestDocs = corpus.subList(0, ingestCount);
            List<TextChunk> chunks = new ArrayList<>();
            for (Corpus.Doc doc : ingestDocs) {
                chunks.addAll(chunker.chunk(doc.content()));
            }
            results.defaultChunks = chunks.size();
            log("corpus: %d docs (seed %d), tokens min %d / mean %.0f / max %d, %d code blocks; %d chunks at %s",
                    corpus.size(), seed, results.tokensMin, results.tokensMean, results.tokensMax, results.codeBlocks,
                    chunks.size(), ChunkingPolicy.DEFAULT);

            MarkdownChunker smallChunker = new MarkdownChunker(tokenizer, new ChunkingPolicy(smallMax, smallOverlap));
            List<TextChunk> smallChunks = new ArrayList<>();
            List<Corpus.Doc> searchDocs = new ArrayList<>();
            List<Corpus.Doc> pool = corpus;
            for (int i = 0; smallChunks.size() < searchChunkTarget; i++) {
                if (i == pool.size()) {
                    // The corpus is too small for the target at this chunk size: grow it (same seed, same prefix).
                    pool = Corpus.generate(seed, pool.size() + 500, tokenizer);
                }
                searchDocs.add(pool.get(i));
                smallChunks.addAll(smallChunker.chunk(pool.get(i).content()));
            }
            results.searchDocs = searchDocs.size();
            log("search corpus: the first %d docs make %d chunks at %d/%d tokens", searchDocs.size(), smallChunks.size(),
                    smallMax, smallOverlap);

            // The raw embedder, loaded and warmed up now; each baseline is measured right before the server
            // figure it is compared with, while that server is up and idle, so both see the same machine load.
            LocalMiniLmEmbedder embedder = new LocalMiniLmEmbedder();
            embedder.embed(evenSample(chunks, 32, false).stream().map(TextChunk::content).toList());
            List<String> queries = Corpus.queries(seed, queryCount);
            List<String> warmQueries = Corpus.queries(seed + 1, 20);
            warmQueries.forEach(embedder::embed);

            // ---------------------------------------------------------------- phase A: default chunking
            Path dataA = work.resolve("data-main");
            Optional<String> urlA = externalDatabases == null ? Optional.empty() : Optional.of(externalDatabases.createFresh("main"));
            Optional<String> secret = externalDatabases == null ? Optional.empty() : Optional.of(jwtSecret);
            String username = "bench_" + Long.toHexString(System.nanoTime());
            String password = "bench-password-" + Long.toHexString(seed);
            List<String> ids;
            try (ServerProcess server = start("jdk17", java, serverJar, dataA, urlA, secret, Map.of())) {
                results.serverStartSeconds = server.secondsToReady();
                Api api = server.api();
                api.signUpAndLogIn(username, password);
                String collection = api.createCollection("bench-corpus");
                for (String query : warmQueries) { // the server's first embeddings are slow: warm its model up, untimed
                    api.post("/api/v1/documents/search", Map.of("query", query));
                }
                Results.Baseline before = embedBaseline(embedder, chunks, embedSample / 2, false);
                log("baseline (before): raw embedder %.1f chunks/s (%d of %d chunks, mean %.0f tokens, batches of %d)",
                        before.chunksPerSecond(), before.chunks(), chunks.size(), before.meanTokens(),
                        LocalMiniLmEmbedder.DEFAULT_BATCH_SIZE);
                results.ingestLoad = Machine.loadAverage();
                log("ingest: POSTing %d documents from %d clients ...", ingestDocs.size(), ingestClients);
                double[] cpu0 = serverCpu(server);
                results.ingest = Loads.ingest(api, collection, ingestDocs, ingestClients);
                results.ingestIndexLagSeconds = server.awaitBacklogZero(Duration.ofMinutes(10));
                results.ingestServerCpuSeconds = cpuSince(server, cpu0);
                results.serverCpuScope = Double.isNaN(cpu0[1]) ? "the server JVM" : "the server JVM and its PostgreSQL";
                results.ingestIndexedPoints = server.indexedPoints();
                Results.Baseline after = embedBaseline(embedder, chunks, embedSample - embedSample / 2, true);
                log("baseline (after): raw embedder %.1f chunks/s", after.chunksPerSecond());
                results.embedBaseline = Results.Baseline.combine(before, after);
                log("ingest: %d docs, %d chunks in %.1f s = %.2f docs/s, %.1f chunks/s (ratio %.2f to the raw embedder); "
                                + "%d failures%s; index caught up %.1f s after the last POST",
                        results.ingest.documents(), results.ingest.chunks(), results.ingest.seconds(),
                        results.ingest.documentsPerSecond(), results.ingest.chunksPerSecond(),
                        results.ingest.chunksPerSecond() / results.embedBaseline.chunksPerSecond(),
                        results.ingest.failures(), results.ingest.firstFailure() == null ? "" : " (" + results.ingest.firstFailure() + ")",
                        results.ingestIndexLagSeconds);
                ids = results.ingest.ids();
                results.getIds = ids.size();
                if (ids.isEmpty()) {
                    throw new IllegalStateException("No document was stored; see " + server.log());
                }

                String jdbcUrl = urlA.orElseGet(() -> "jdbc:postgresql://127.0.0.1:" + embeddedPort(server) + "/postgres?user=postgres");
                results.get17 = getRun(server, server.api(), jdkLabel(results.javaMainVersion), ids, useWrk, connections, getSeconds, warmUp, jdbcUrl);
                log("GET ratio (%s): %.2f", results.get17.server().jvm(), results.get17.ratio());
            }

            // ---------------------------------------------------------------- phase B: small chunks, search
            Path dataB = work.resolve("data-search");
            Optional<String> urlB = externalDatabases == null ? Optional.empty() : Optional.of(externalDatabases.createFresh("search"));
            Map<String, String> smallEnv = Map.of("AINSTRUCT_CHUNK_MAX_TOKENS", Integer.toString(smallMax),
                    "AINSTRUCT_CHUNK_OVERLAP_TOKENS", Integer.toString(smallOverlap));
            try (ServerProcess server = start("search", java, serverJar, dataB, urlB, secret, smallEnv)) {
                Api api = server.api();
                api.signUpAndLogIn(username, password);
                String collection = api.createCollection("bench-search");
                for (String query : warmQueries) {
                    api.post("/api/v1/documents/search", Map.of("query", query));
                }
                int smallSample = Math.max(100, embedSample / 2);
                Results.Baseline smallBefore = embedBaseline(embedder, smallChunks, smallSample / 2, false);
                log("baseline (before): raw embedder %.1f chunks/s on %d-token chunks (%d of %d)",
                        smallBefore.chunksPerSecond(), smallMax, smallBefore.chunks(), smallChunks.size());
                log("search phase: POSTing %d documents (%d-token chunks) from %d clients ...", searchDocs.size(), smallMax,
                        ingestClients);
                double[] cpu0 = serverCpu(server);
                results.smallIngest = Loads.ingest(api, collection, searchDocs, ingestClients);
                results.smallIndexLagSeconds = server.awaitBacklogZero(Duration.ofMinutes(10));
                results.smallIngestServerCpuSeconds = cpuSince(server, cpu0);
                results.searchIndexedPoints = server.indexedPoints();
                Results.Baseline smallAfter = embedBaseline(embedder, smallChunks, smallSample - smallSample / 2, true);
                log("baseline (after): raw embedder %.1f chunks/s on %d-token chunks", smallAfter.chunksPerSecond(), smallMax);
                results.smallEmbedBaseline = Results.Baseline.combine(smallBefore, smallAfter);
                log("search phase: %d docs, %d chunks in %.1f s = %.1f chunks/s (ratio %.2f); %d failures; index holds %d points",
                        results.smallIngest.documents(), results.smallIngest.chunks(), results.smallIngest.seconds(),
                        results.smallIngest.chunksPerSecond(),
                        results.smallIngest.chunksPerSecond() / results.smallEmbedBaseline.chunksPerSecond(),
                        results.smallIngest.failures(), results.searchIndexedPoints);
                for (String query : warmQueries) {
                    api.post("/api/v1/documents/search", Map.of("query", query));
                }
                // The raw per-query embedding, before and after the searches (the same queries each time).
                results.queryEmbed = new Stats();
                embedEach(embedder, queries, results.queryEmbed);
                results.searchLoad = Machine.loadAverage();
                results.search1 = Loads.search(api, queries, 1, 5);
                logSearch("1 client", results.search1);
                results.search4 = Loads.search(api, queries, 4, 5);
                logSearch("4 clients", results.search4);
                embedEach(embedder, queries, results.queryEmbed);
                log("baseline: raw embedder per query p50 %.1f ms, p99 %.1f ms (%d embeddings, before and after)",
                        results.queryEmbed.percentileMs(50), results.queryEmbed.percentileMs(99), results.queryEmbed.count());
            }

            // ---------------------------------------------------------------- JDK 25: the GET benchmark again
            if (java25.isPresent()) {
                try (ServerProcess server = start("jdk25", java25.get(), serverJar, dataA, urlA, secret, Map.of())) {
                    Api api = server.api();
                    api.logIn(username, password); // the documents' owner, registered in the first run
                    // The embedded PostgreSQL restarted with this server, on a port of its own.
                    String url = urlA.orElseGet(() -> "jdbc:postgresql://127.0.0.1:" + embeddedPort(server) + "/postgres?user=postgres");
                    results.get25 = getRun(server, api, jdkLabel(results.java25Version), ids, useWrk, connections, getSeconds, warmUp, url);
                    log("GET ratio (%s): %.2f", results.get25.server().jvm(), results.get25.ratio());
                }
            } else {
                results.notes.add("The JDK 25 run was skipped (" + (options.containsKey("no-jdk25") ? "--no-jdk25"
                        : "no JDK 25 at " + opt("jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")) + ").");
            }
            ok = true;
        } finally {
            results.loadAtEnd = Machine.loadAverage();
            results.totalMinutes = (System.nanoTime() - runStart) / 60e9;
            cleanUp(ok);
        }

        synchronized (running) {
            for (ServerProcess server : running) {
                if (server.killed()) {
                    results.notes.add("The " + server.label() + " server did not exit within " + ServerProcess.GRACE.toSeconds()
                            + " s of SIGTERM; the harness killed it (SIGKILL) and then stopped its embedded PostgreSQL"
                            + " by the pid in `postmaster.pid`. Nothing measured depends on this.");
                }
            }
        }
        String report = Report.markdown(results);
        System.out.println();
        System.out.println(Report.summary(results));
        if (!options.containsKey("no-report")) {
            Path reportFile = Path.of(opt("report", repo.resolve("docs/BENCHMARKS-ingest-search.md").toString()));
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, report);
            log("wrote %s", reportFile);
        }
        return 0;
    }

    /**
     * The GET benchmark and its JDBC baseline on the same database: half the baseline just before the GET run and half
     * just after, so that both see the same machine load.
     */
    private Results.GetRun getRun(ServerProcess server, Api api, String jvm, List<String> ids, boolean useWrk,
                                  int connections, int seconds, int warmUp, String jdbcUrl) throws Exception {
        Duration half = Duration.ofMillis(seconds * 500L);
        Duration rest = Duration.ofMillis(seconds * 1000L - half.toMillis());
        DoubleSupplier baselineCpu = () -> {
            try {
                double postgres = server.postgresCpuSeconds(); // NaN for an external database: JVMs only
                return Cpu.self() + (Double.isNaN(postgres) ? 0 : postgres);
            } catch (IOException e) {
                return Double.NaN;
            }
        };
        String jdbcLoad = Machine.loadAverage();
        Loads.Timed before = Loads.jdbcGets(jdbcUrl, ids, connections, half, Duration.ofSeconds(warmUp), baselineCpu);
        Results.Get get = getBenchmark(server, api, jvm, ids, useWrk, connections, seconds, warmUp);
        Loads.Timed after = Loads.jdbcGets(jdbcUrl, ids, connections, rest, Duration.ofSeconds(1), baselineCpu);
        Loads.Timed jdbc = Loads.Timed.combine(before, after);
        log("baseline: JDBC primary-key lookup %.0f ops/s (%.0f before the GET run, %.0f after), p50 %.2f ms, p99 %.2f ms, "
                        + "%.3f CPU ms/op (%d failures)", jdbc.perSecond(), before.perSecond(), after.perSecond(),
                jdbc.latency().percentileMs(50), jdbc.latency().percentileMs(99), jdbc.cpuMsPerOperation(), jdbc.failures());
        return new Results.GetRun(get, jdbc, before.perSecond(), after.perSecond(), jdbcLoad);
    }

    private Results.Get getBenchmark(ServerProcess server, Api api, String jvm, List<String> ids, boolean useWrk,
                                     int connections, int seconds, int warmUp) throws Exception {
        Results.Get get;
        String load;
        if (useWrk) {
            Wrk.run(api.base(), api.token(), ids, work, 2, connections, Duration.ofSeconds(warmUp));
            load = Machine.loadAverage();
            double[] cpu0 = serverCpu(server);
            Wrk.Result r = Wrk.run(api.base(), api.token(), ids, work, 2, connections, Duration.ofSeconds(seconds));
            double cpu = cpuSince(server, cpu0);
            get = new Results.Get(jvm, "wrk", r.requestsPerSecond(), r.requests(), r.p50Ms(), r.p99Ms(), r.non2xx(),
                    r.non2xx() > 0 || !r.socketErrors().equals("none") ? r.non2xx() + " non-2xx; " + r.socketErrors() : null, load,
                    r.rawOutput(), cpu);
            System.out.print(r.rawOutput().indent(4));
        } else {
            Loads.javaGets(api, ids, connections, Duration.ofSeconds(warmUp));
            load = Machine.loadAverage();
            double[] cpu0 = serverCpu(server);
            Loads.Timed r = Loads.javaGets(api, ids, connections, Duration.ofSeconds(seconds));
            double cpu = cpuSince(server, cpu0);
            get = new Results.Get(jvm, "java", r.perSecond(), r.operations(), r.latency().percentileMs(50),
                    r.latency().percentileMs(99), r.failures(), r.firstFailure(), load,
                    String.format(Locale.ROOT, "%d requests in %.1f s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                            r.operations(), r.seconds(), r.latency().percentileMs(50), r.latency().percentileMs(90),
                            r.latency().percentileMs(99), r.latency().percentileMs(99.9), r.latency().percentileMs(100)), cpu);
        }
        log("GET (%s, %s): %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors; %.3f CPU ms/request (%s)", jvm, get.generator(),
                get.opsPerSecond(), get.p50Ms(), get.p99Ms(), get.errors(), get.cpuMsPerRequest(), results.serverCpuScope);
        return get;
    }

    /** CPU seconds so far of the server JVM and of its embedded PostgreSQL (NaN when external). */
    private static double[] serverCpu(ServerProcess server) throws IOException {
        return new double[] {server.jvmCpuSeconds(), server.postgresCpuSeconds()};
    }

    private static double cpuSince(ServerProcess server, double[] start) throws IOException {
        double[] now = serverCpu(server);
        double jvm = now[0] - start[0];
        return Double.isNaN(start[1]) || Double.isNaN(now[1]) ? jvm : jvm + (now[1] - start[1]);
    }

    private ServerProcess start(String label, Path java, Path jar, Path dataDir, Optional<String> url,
                                Optional<String> secret, Map<String, String> env) throws Exception {
        log("starting the %s server (%s) ...", label, java);
        ServerProcess server = ServerProcess.start(label, java, jar, dataDir, url, secret, env);
        synchronized (running) {
            running.add(server);
        }
        try {
            server.awaitReady(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            printTail(server.log());
            throw e;
        }
        log("%s server ready in %.1f s on port %d (pid %d)", label, server.secondsToReady(), server.port(), server.pid());
        return server;
    }

    /** "JDK 17" from {@code openjdk version "17.0.15" ...}. */
    private static String jdkLabel(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("version \"(1\\.)?(\\d+)").matcher(version);
        return m.find() ? "JDK " + m.group(2) : "JDK ?";
    }

    private static int embeddedPort(ServerProcess server) {
        try {
            return server.embeddedPostgresPort().orElseThrow(() ->
                    new IllegalStateException("No postmaster.pid in the server's data directory"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void embedEach(LocalMiniLmEmbedder embedder, List<String> texts, Stats into) {
        for (String text : texts) {
            long t0 = System.nanoTime();
            embedder.embed(text);
            into.add(System.nanoTime() - t0);
        }
    }

    private static Results.Baseline embedBaseline(LocalMiniLmEmbedder embedder, List<TextChunk> chunks, int sampleSize,
                                                  boolean shifted) {
        List<TextChunk> sample = evenSample(chunks, sampleSize, shifted);
        List<String> texts = sample.stream().map(TextChunk::content).toList();
        double cpu0 = Cpu.self();
        long t0 = System.nanoTime();
        embedder.embed(texts);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = Cpu.self() - cpu0;
        double meanTokens = sample.stream().mapToInt(TextChunk::tokenCount).average().orElse(0);
        double rate = sample.size() / seconds;
        return new Results.Baseline(sample.size(), chunks.size(), seconds, meanTokens, rate, rate, cpu);
    }

    /**
     * {@code n} items spread evenly over the list (all of them when it is shorter); {@code shifted} takes the ones
     * half a step further, so that two samples of the same size do not repeat each other.
     */
    private static <T> List<T> evenSample(List<T> items, int n, boolean shifted) {
        if (items.size() <= n) {
            return items;
        }
        List<T> sample = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long index = shifted ? ((2L * i + 1) * items.size()) / (2L * n) : (long) i * items.size() / n;
            sample.add(items.get((int) Math.min(index, items.size() - 1)));
        }
        return sample;
    }

    private void logSearch(String label, Loads.Timed search) {
        log("search (%s): %d queries, p50 %.1f ms, p99 %.1f ms, %.1f queries/s, %d failures%s", label,
                search.operations(), search.latency().percentileMs(50), search.latency().percentileMs(99),
                search.perSecond(), search.failures(), search.firstFailure() == null ? "" : " (" + search.firstFailure() + ")");
    }

    private void cleanUp() {
        cleanUp(false);
    }

    /** Stops our servers, drops our databases and, after a good run, deletes our temporary directory. Idempotent. */
    private synchronized void cleanUp(boolean succeeded) {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        List<ServerProcess> servers;
        synchronized (running) {
            servers = List.copyOf(running);
        }
        for (ServerProcess server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Could not stop server pid " + server.pid() + ": " + e);
            }
        }
        if (externalDatabases != null) {
            externalDatabases.dropAll().forEach(problem -> System.err.println("Could not drop " + problem));
        }
        if (work != null) {
            if (succeeded && !options.containsKey("keep-data")) {
                deleteTree(work);
            } else {
                System.err.println("Kept " + work + " (server logs and data)");
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e.getMessage());
        }
    }

    private static void printTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            System.err.println("---- last lines of " + log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
        } catch (IOException e) {
            System.err.println("(no log at " + log + ")");
        }
    }

    private List<String> rawArgs() {
        List<String> args = new ArrayList<>();
        options.forEach((k, v) -> args.add("--" + k + (v.equals("true") ? "" : " " + v)));
        return args;
    }

    private String opt(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }

    private int intOpt(String name, int otherwise) {
        return Integer.parseInt(opt(name, Integer.toString(otherwise)));
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n",
                java.time.LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
