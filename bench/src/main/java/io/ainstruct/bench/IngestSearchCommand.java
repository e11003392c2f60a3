package io.ainstruct.bench;

import io.ainstruct.adapter.embedding.JtokkitTokenizer;
import io.ainstruct.adapter.embedding.LocalEmbedder;
import io.ainstruct.adapter.embedding.LocalModel;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import static io.ainstruct.bench.BenchLog.log;

/**
 * Runs the benchmarks against the real server (a separate {@code java -jar} process) and the raw baselines (the local
 * embedder in this JVM, a JDBC primary-key lookup on the same database), then prints the figures and writes
 * {@code docs/BENCHMARKS-ingest-search.md} ({@code docs/BENCHMARKS.md} belongs to the load matrix and other sections).
 * Measurements only: nothing here passes or fails.
 */
@Command(name = "ingest-search", mixinStandardHelpOptions = true,
        description = "Ingest and search at 20,000 chunks and GET by id, each next to its raw baseline (the embedder, JDBC); "
                + "writes docs/BENCHMARKS-ingest-search.md.")
final class IngestSearchCommand implements Callable<Integer> {
    @Mixin
    SharedOptions shared;

    @Option(names = "--docs", defaultValue = "2000", description = "corpus size (default: ${DEFAULT-VALUE})")
    int docCount;

    @Option(names = "--ingest-docs", description = "documents POSTed in the ingest benchmark (default: all)")
    Integer ingestDocs;

    @Option(names = "--ingest-clients", defaultValue = "4", description = "concurrent ingest clients (default: ${DEFAULT-VALUE})")
    int ingestClients;

    @Option(names = "--embed-sample", defaultValue = "1000", description = "chunks embedded for the raw-embedder baseline (default: ${DEFAULT-VALUE})")
    int embedSample;

    @Option(names = "--get-seconds", defaultValue = "15", description = "duration of each GET run and of the JDBC baseline (default: ${DEFAULT-VALUE})")
    int getSeconds;

    @Option(names = "--get-connections", defaultValue = "8", description = "connections for GET and threads for JDBC (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "untimed warm-up before each GET run and the JDBC baseline (default: ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--search-chunks", defaultValue = "20000", description = "chunks to index before the search benchmark (default: ${DEFAULT-VALUE})")
    int searchChunkTarget;

    @Option(names = "--search-chunk-tokens", defaultValue = "48", description = "chunk size of the search phase (default: ${DEFAULT-VALUE})")
    int smallMax;

    @Option(names = "--search-chunk-overlap", defaultValue = "8", description = "chunk overlap of the search phase (default: ${DEFAULT-VALUE})")
    int smallOverlap;

    @Option(names = "--search-queries", defaultValue = "300", description = "queries per concurrency level (default: ${DEFAULT-VALUE})")
    int queryCount;

    @Option(names = "--load-generator", defaultValue = "auto", description = "auto (wrk if installed, else Java), wrk or java")
    String generator;

    @Option(names = "--jdk25", description = "a second java (e.g. a JDK 25) for an extra GET run; skipped when not given")
    Path jdk25;

    @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default: ${DEFAULT-VALUE})")
    long seed;

    private final Results results = new Results();
    private Servers servers;
    private Path work;
    private boolean cleanedUp;

    @Override
    public Integer call() throws Exception {
        long runStart = System.nanoTime();
        Path repo = shared.repo();
        Path serverJar = shared.serverJar();
        Path java = shared.serverJava();
        Optional<Path> java25 = Optional.ofNullable(jdk25);
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

        results.command = shared.command("java -jar bench/target/ainstruct-bench.jar ingest-search");
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
        Optional<String> databaseUrl = shared.databaseUrl();
        servers = new Servers(shared, serverJar);
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
            int ingestCount = Math.min(ingestDocs == null ? corpus.size() : ingestDocs, corpus.size());
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
            LocalEmbedder embedder = new LocalEmbedder(LocalModel.ALL_MINILM_L6_V2_Q);
            embedder.embedPassages(evenSample(chunks, 32, false).stream().map(TextChunk::content).toList());
            List<String> queries = Corpus.queries(seed, queryCount);
            List<String> warmQueries = Corpus.queries(seed + 1, 20);
            warmQueries.forEach(embedder::embedQuery);

            // ---------------------------------------------------------------- phase A: default chunking
            Path dataA = work.resolve("data-main");
            Optional<String> urlA = servers.freshDatabase("main");
            Optional<String> secret = databaseUrl.map(url -> jwtSecret);
            String username = "bench_" + Long.toHexString(System.nanoTime());
            String password = "bench-password-" + Long.toHexString(seed);
            List<String> ids;
            try (ServerProcess server = servers.start("jdk17", java, dataA, urlA, secret, Map.of())) {
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
                        LocalEmbedder.DEFAULT_BATCH_SIZE);
                results.ingestLoad = Machine.loadAverage();
                log("ingest: POSTing %d documents from %d clients ...", ingestDocs.size(), ingestClients);
                double[] cpu0 = serverCpu(server);
                results.ingest = Loads.ingest(api, bodies(collection, ingestDocs), ingestClients);
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
                ids = results.ingest.storedIds();
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
            Optional<String> urlB = servers.freshDatabase("search");
            Map<String, String> smallEnv = Map.of("AINSTRUCT_CHUNK_MAX_TOKENS", Integer.toString(smallMax),
                    "AINSTRUCT_CHUNK_OVERLAP_TOKENS", Integer.toString(smallOverlap));
            try (ServerProcess server = servers.start("search", java, dataB, urlB, secret, smallEnv)) {
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
                results.smallIngest = Loads.ingest(api, bodies(collection, searchDocs), ingestClients);
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
                results.search1 = Loads.search(api, queries, 1, 5, "hybrid");
                logSearch("1 client", results.search1);
                results.search4 = Loads.search(api, queries, 4, 5, "hybrid");
                logSearch("4 clients", results.search4);
                // What hybrid costs over each of its sides alone: the same queries, one client, each mode in turn.
                results.searchByMode.put("hybrid", results.search1);
                for (String mode : List.of("semantic", "keyword")) {
                    results.searchByMode.put(mode, Loads.search(api, queries, 1, 5, mode));
                    logSearch("1 client, " + mode, results.searchByMode.get(mode));
                }
                embedEach(embedder, queries, results.queryEmbed);
                log("baseline: raw embedder per query p50 %.1f ms, p99 %.1f ms (%d embeddings, before and after)",
                        results.queryEmbed.percentileMs(50), results.queryEmbed.percentileMs(99), results.queryEmbed.count());
            }

            // ---------------------------------------------------------------- JDK 25: the GET benchmark again
            if (java25.isPresent()) {
                try (ServerProcess server = servers.start("jdk25", java25.get(), dataA, urlA, secret, Map.of())) {
                    Api api = server.api();
                    api.logIn(username, password); // the documents' owner, registered in the first run
                    // The embedded PostgreSQL restarted with this server, on a port of its own.
                    String url = urlA.orElseGet(() -> "jdbc:postgresql://127.0.0.1:" + embeddedPort(server) + "/postgres?user=postgres");
                    results.get25 = getRun(server, api, jdkLabel(results.java25Version), ids, useWrk, connections, getSeconds, warmUp, url);
                    log("GET ratio (%s): %.2f", results.get25.server().jvm(), results.get25.ratio());
                }
            } else {
                results.notes.add("The JDK 25 run was skipped (no --jdk25 given).");
            }
            ok = true;
        } finally {
            results.loadAtEnd = Machine.loadAverage();
            results.totalMinutes = (System.nanoTime() - runStart) / 60e9;
            cleanUp(ok);
        }

        for (ServerProcess server : servers.started()) {
            if (server.killed()) {
                results.notes.add("The " + server.label() + " server did not exit within " + ServerProcess.GRACE.toSeconds()
                        + " s of SIGTERM; the harness killed it (SIGKILL) and then stopped its embedded PostgreSQL"
                        + " by the pid in `postmaster.pid`. Nothing measured depends on this.");
            }
        }
        String report = Report.markdown(results);
        System.out.println();
        System.out.println(Report.summary(results));
        Optional<Path> reportPath = shared.report("docs/BENCHMARKS-ingest-search.md");
        if (reportPath.isPresent()) {
            Path reportFile = reportPath.get();
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

    private static List<Map<String, Object>> bodies(String collection, List<Corpus.Doc> docs) {
        return docs.stream().map(doc -> Loads.storeBody(collection, doc)).toList();
    }

    private static void embedEach(LocalEmbedder embedder, List<String> texts, Stats into) {
        for (String text : texts) {
            long t0 = System.nanoTime();
            embedder.embedQuery(text);
            into.add(System.nanoTime() - t0);
        }
    }

    private static Results.Baseline embedBaseline(LocalEmbedder embedder, List<TextChunk> chunks, int sampleSize,
                                                  boolean shifted) {
        List<TextChunk> sample = evenSample(chunks, sampleSize, shifted);
        List<String> texts = sample.stream().map(TextChunk::content).toList();
        double cpu0 = Cpu.self();
        long t0 = System.nanoTime();
        embedder.embedPassages(texts);
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
        if (servers != null) {
            servers.close();
        }
        if (work != null) {
            if (succeeded && !shared.keepData) {
                Cleanup.deleteTree(work);
            } else {
                System.err.println("Kept " + work + " (server logs and data)");
            }
        }
    }
}
