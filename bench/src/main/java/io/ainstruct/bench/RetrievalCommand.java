package io.ainstruct.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.ainstruct.adapter.embedding.JtokkitTokenizer;
import io.ainstruct.domain.chunking.ChunkingPolicy;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.chunking.TextChunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import static io.ainstruct.bench.BenchLog.log;

/**
 * Retrieval quality and cost on a BEIR-format directory, through the REST API: stores the corpus, asks every judged
 * query, and scores the rankings next to a Lucene BM25 baseline computed in the same run; ingest next to the raw
 * embedder on the same texts; search latency at 1 and 8 clients and at 100 vs 10 results. One server per model, each
 * on a fresh database.
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Retrieval quality (nDCG@10, Recall@100, MRR@10) per search mode and model next to BM25, ingest next "
                + "to the raw embedder, search latency; on any BEIR-format directory (corpus.jsonl, queries.jsonl, qrels.tsv).")
final class RetrievalCommand implements Callable<Integer> {
    static final String START = "<!-- retrieval:start -->";
    static final String END = "<!-- retrieval:end -->";
    private static final int RANKED = 100;

    @Mixin
    SharedOptions shared;

    @Option(names = "--dataset", required = true, description = "a BEIR-format directory")
    Path dataset;

    @Option(names = "--server", description = "the base URL of a running server to measure instead of starting one per model "
            + "(the raw embedder is then the model the server reports; --models is not used)")
    String serverUrl;

    @Option(names = "--models", split = ",", defaultValue = "all-minilm-l6-v2-q",
            description = "the local models, one server each (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--model-env", defaultValue = "EMBEDDING_MODEL",
            description = "the environment variable that tells the server its model (default: ${DEFAULT-VALUE})")
    String modelEnv;

    @Option(names = "--server-env", description = "KEY=VALUE: more settings for every started server")
    Map<String, String> serverEnv = new LinkedHashMap<>();

    @Option(names = "--modes", split = ",", defaultValue = "hybrid,semantic,keyword",
            description = "the search_mode values to send (default: ${DEFAULT-VALUE})")
    List<String> modes;

    @Option(names = "--ingest-clients", defaultValue = "4", description = "concurrent ingest clients, and raw-embedder threads (default: ${DEFAULT-VALUE})")
    int ingestClients;

    @Option(names = "--raw-sample", defaultValue = "1000",
            description = "documents (spread evenly over the set) the raw embedder embeds for its baseline (default: ${DEFAULT-VALUE})")
    int rawSample;

    @Option(names = "--latency-clients", split = ",", defaultValue = "1,8", description = "client counts of the latency runs (default: ${DEFAULT-VALUE})")
    List<Integer> latencyClients;

    @Option(names = "--max-tokens", defaultValue = "100000",
            description = "max_tokens of the quality searches: high, so that the token budget never cuts the 100 results (default: ${DEFAULT-VALUE})")
    int maxTokens;

    private final JtokkitTokenizer tokenizer = new JtokkitTokenizer();
    private final MarkdownChunker chunker = new MarkdownChunker(tokenizer, ChunkingPolicy.DEFAULT);

    @Override
    public Integer call() throws Exception {
        long runStart = System.nanoTime();
        BeirDataset data = BeirDataset.read(dataset);
        Map<String, String> judged = data.judgedQueries();
        RetrievalReport report = new RetrievalReport();
        report.command = shared.command("java -jar bench/target/ainstruct-bench.jar retrieval --dataset " + dataset);
        report.dataset = dataset.toAbsolutePath().normalize().toString();
        report.date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
        report.machine = Machine.nproc() + " cores (`nproc`), " + Machine.memory() + ", " + Machine.cpuModel();
        report.uname = Machine.command(List.of("uname", "-a")).orElse("?").trim();
        report.loadAtStart = Machine.loadAverage();
        report.documents = data.corpus().size();
        report.judgedQueries = judged.size();
        report.judgements = data.judgements().values().stream().mapToLong(m -> m.values().stream().filter(g -> g > 0).count()).sum();
        report.ingestClients = ingestClients;
        report.maxTokens = maxTokens;
        log("%s: %d documents, %d judged queries; load %s", dataset, data.corpus().size(), judged.size(), report.loadAtStart);

        try (Bm25Baseline bm25 = new Bm25Baseline(data.corpus())) {
            Map<String, List<String>> rankings = new HashMap<>();
            judged.forEach((id, text) -> rankings.put(id, bm25.search(text, RANKED)));
            report.bm25 = RankingMetrics.of(rankings, data.judgements(), judged.keySet());
            log("BM25: nDCG@10 %.4f, Recall@100 %.4f, MRR@10 %.4f", report.bm25.ndcgAt10(), report.bm25.recallAt100(), report.bm25.mrrAt10());
        }

        Path work = Files.createTempDirectory("ainstruct-retrieval-");
        boolean ok = false;
        try {
            if (serverUrl != null) {
                report.server = "the running server at " + serverUrl;
                report.models.add(measure(new Api(serverUrl), "(as the server runs)", data, judged, Double.NaN));
            } else {
                Path jar = work.resolve("server.jar");
                Files.copy(shared.serverJar(), jar);
                report.server = "`" + shared.serverJava() + " -jar` " + displayed(shared.serverJar()) + " (built "
                        + Files.getLastModifiedTime(shared.serverJar()).toInstant() + "), "
                        + shared.databaseUrl().map(url -> "a fresh database per model on " + url.replaceAll("password=[^&]*", "password=***"))
                        .orElse("embedded PostgreSQL in a fresh data directory per model");
                try (Servers servers = new Servers(shared, jar)) {
                    for (String model : models) {
                        Map<String, String> env = new LinkedHashMap<>(serverEnv);
                        env.put(modelEnv, model);
                        ServerProcess server = servers.start(model, shared.serverJava(), work.resolve("data-" + model),
                                servers.freshDatabase("retrieval"), Optional.empty(), env);
                        report.models.add(measure(server.api(), model, data, judged, server.secondsToReady()));
                        server.close();
                    }
                }
            }
            ok = true;
        } finally {
            if (ok && !shared.keepData) {
                Cleanup.deleteTree(work);
            } else {
                System.err.println("Kept " + work + " (server logs and data)");
            }
        }
        report.loadAtEnd = Machine.loadAverage();
        report.minutes = (System.nanoTime() - runStart) / 60e9;
        String markdown = report.markdown();
        System.out.println(markdown);
        Optional<Path> file = shared.report("docs/BENCHMARKS.md");
        if (file.isPresent()) {
            Files.writeString(file.get(), Splice.between(START, END, Files.exists(file.get()) ? Files.readString(file.get()) : "# Benchmarks\n",
                    markdown));
            log("wrote %s", file.get());
        }
        return 0;
    }

    private RetrievalReport.ModelRun measure(Api api, String model, BeirDataset data, Map<String, String> judged,
                                             double startupSeconds) throws Exception {
        RetrievalReport.ModelRun run = new RetrievalReport.ModelRun(model, startupSeconds);
        api.signUpAndLogIn("retrieval_" + Long.toHexString(System.nanoTime()), "retrieval-benchmark-password");
        api.useToken(api.issuePersonalAccessToken("retrieval benchmark"));
        run.serverModel = api.get("/health/ready").body().path("embedder").path("model").asText("?");
        log("server model: %s (asked for %s)", run.serverModel, model);
        if (serverUrl == null && !run.serverModel.equals(model)) {
            throw new IllegalStateException("Asked the server for " + model + " through " + modelEnv + ", but it runs "
                    + run.serverModel + ": pass --model-env with the variable this server reads its model from");
        }
        EmbeddingModel raw = RawEmbedders.of(run.serverModel);
        List<String> queryTexts = List.copyOf(judged.values());

        List<BeirDataset.Doc> abstracts = data.corpus();
        String collection = api.createCollection("beir-abstracts");
        Map<String, String> beirIdOf = new ConcurrentHashMap<>();
        run.abstracts = ingest(api, raw, collection, abstracts, beirIdOf, "abstracts");
        run.rawQuery = Loads.eachOnce("raw-query", queryTexts.size(), 1, i -> raw.embed(queryTexts.get(i)));
        log("raw embedder, one query at a time: p50 %.1f ms", run.rawQuery.latency().percentileMs(50));

        if (knowsSearchMode(api, collection, queryTexts.get(0))) {
            for (String mode : modes) {
                run.modes.add(searchMode(api, collection, Optional.of(mode), judged, beirIdOf, data));
            }
        } else {
            log("the server refuses search_mode as an unknown field: one run without it, labelled '%s'", RetrievalReport.DEFAULT_MODE);
            run.modes.add(searchMode(api, collection, Optional.empty(), judged, beirIdOf, data));
        }

        List<BeirDataset.Doc> sentences = abstracts.stream()
                .map(doc -> new BeirDataset.Doc(doc.id(), doc.title(), FirstSentence.of(doc.text()))).toList();
        run.sentences = ingest(api, raw, api.createCollection("beir-first-sentences"), sentences, new HashMap<>(), "first sentences");
        run.loadAfter = Machine.loadAverage();
        return run;
    }

    /** Stores the documents through the API and embeds a sample of the same texts with the raw embedder, same concurrency. */
    private RetrievalReport.Ingest ingest(Api api, EmbeddingModel raw, String collection, List<BeirDataset.Doc> docs,
                                          Map<String, String> beirIdOf, String label) throws Exception {
        List<List<String>> chunkTexts = docs.stream()
                .map(doc -> chunker.chunk(contentOf(doc)).stream().map(TextChunk::content).toList()).toList();
        List<Integer> sample = evenSample(docs.size(), rawSample);
        raw.embedAll(chunkTexts.get(sample.get(0)).stream().map(TextSegment::from).toList()); // loads the model, untimed
        String loadBefore = Machine.loadAverage();
        Loads.Timed rawRun = Loads.eachOnce("raw-embed", sample.size(), ingestClients,
                i -> raw.embedAll(chunkTexts.get(sample.get(i)).stream().map(TextSegment::from).toList()));
        log("raw embedder on %s: %d documents in %.1f s = %.1f documents/s (%d threads)", label, rawRun.operations(),
                rawRun.seconds(), rawRun.perSecond(), ingestClients);

        List<Map<String, Object>> bodies = docs.stream().map(doc -> Map.<String, Object>of("collection_id", collection,
                "title", doc.title().isBlank() ? doc.id() : doc.title(), "content", contentOf(doc),
                "metadata", Map.of("beir_id", doc.id()))).toList();
        log("storing %d %s from %d clients ...", docs.size(), label, ingestClients);
        Loads.Ingest stored = Loads.ingest(api, bodies, ingestClients);
        for (int i = 0; i < docs.size(); i++) {
            if (stored.ids().get(i) != null) {
                beirIdOf.put(stored.ids().get(i), docs.get(i).id());
            }
        }
        double lag = awaitIndexed(api);
        log("%s: %d stored (%d chunks) in %.1f s = %.1f documents/s, %d failures%s; index caught up %.1f s later", label,
                stored.documents(), stored.chunks(), stored.seconds(), stored.documentsPerSecond(), stored.failures(),
                stored.firstFailure() == null ? "" : " (" + stored.firstFailure() + ")", lag);
        return new RetrievalReport.Ingest(label, stored, lag, rawRun, loadBefore);
    }

    /** False when the server answers {@code search_mode} with a validation error that names the field: it predates the modes. */
    private boolean knowsSearchMode(Api api, String collection, String query) throws IOException, InterruptedException {
        Api.Reply reply = api.post("/api/v1/documents/search", Map.of("query", query, "collection_id", collection,
                "search_mode", modes.get(0), "max_results", 1));
        boolean refused = reply.status() == 400
                && "search_mode".equals(reply.body().path("detail").path("details").path("field").asText());
        if (!refused) {
            Api.expect(reply, 200, "search");
        }
        return !refused;
    }

    /** One mode: the quality pass at 100 results, then the latency runs at 10; an empty mode sends no search_mode at all. */
    private RetrievalReport.ModeRun searchMode(Api api, String collection, Optional<String> mode, Map<String, String> judged,
                                               Map<String, String> beirIdOf, BeirDataset data) throws Exception {
        List<String> ids = List.copyOf(judged.keySet());
        List<String> texts = List.copyOf(judged.values());
        Map<String, List<String>> rankings = new ConcurrentHashMap<>();
        Set<String> ran = ConcurrentHashMap.newKeySet();
        // Untimed warm-up: the first searches of a mode pay for class loading and the JIT.
        Loads.eachOnce("warm-up", Math.min(20, texts.size()), 1, i -> search(api, collection, mode, texts.get(i), 10));
        Loads.Timed at100 = Loads.eachOnce("quality", texts.size(), 1, i -> {
            JsonNode answer = search(api, collection, mode, texts.get(i), RANKED);
            ran.add(answer.path("search_mode").asText(RetrievalReport.DEFAULT_MODE));
            rankings.put(ids.get(i), documentRanking(answer, beirIdOf));
        });
        if (at100.failures() > 0) {
            throw new IllegalStateException(at100.failures() + " quality searches failed, the first with " + at100.firstFailure());
        }
        RankingMetrics metrics = RankingMetrics.of(rankings, data.judgements(), judged.keySet());
        String ranMode = String.join("+", ran);
        String requested = mode.orElse(RetrievalReport.DEFAULT_MODE);
        log("mode %s (ran: %s): nDCG@10 %.4f, Recall@100 %.4f, MRR@10 %.4f; %d failures%s", requested, ranMode, metrics.ndcgAt10(),
                metrics.recallAt100(), metrics.mrrAt10(), at100.failures(),
                at100.firstFailure() == null ? "" : " (" + at100.firstFailure() + ")");
        Map<Integer, Loads.Timed> at10 = new LinkedHashMap<>();
        for (int clients : latencyClients) {
            Loads.Timed timed = Loads.eachOnce("latency", texts.size(), clients, i -> search(api, collection, mode, texts.get(i), 10));
            at10.put(clients, timed);
            log("mode %s, max_results 10, %d clients: p50 %.1f ms, p99 %.1f ms, %.1f queries/s, %d failures", requested, clients,
                    timed.latency().percentileMs(50), timed.latency().percentileMs(99), timed.perSecond(), timed.failures());
        }
        return new RetrievalReport.ModeRun(requested, ranMode, metrics, at100, at10);
    }

    private JsonNode search(Api api, String collection, Optional<String> mode, String query, int maxResults) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("query", query, "collection_id", collection, "max_results", maxResults,
                "max_tokens", maxTokens));
        mode.ifPresent(m -> body.put("search_mode", m));
        Api.Reply reply = api.post("/api/v1/documents/search", body);
        Api.expect(reply, 200, "search");
        return reply.body();
    }

    /** The BEIR documents in the order of their best chunk: several chunks of one document count once. */
    private static List<String> documentRanking(JsonNode answer, Map<String, String> beirIdOf) {
        Set<String> ranking = new LinkedHashSet<>();
        for (JsonNode hit : answer.path("results")) {
            String beirId = beirIdOf.get(hit.path("document_id").asText());
            if (beirId != null) {
                ranking.add(beirId);
            }
        }
        return new ArrayList<>(ranking);
    }

    /** Waits until the vector index holds every stored chunk; returns the seconds waited. */
    private static double awaitIndexed(Api api) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(15).toNanos();
        while (api.get("/health/ready").body().path("vector_index").path("figures").path("backlog").asLong(-1) != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The vector index still has a backlog after 15 minutes");
            }
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** What is stored as the content: the text, or the title when a document has no text. */
    private static String contentOf(BeirDataset.Doc doc) {
        return doc.text().isBlank() ? doc.title() : doc.text();
    }

    /** {@code n} indexes spread evenly over {@code size} (all of them when there are fewer). */
    private static List<Integer> evenSample(int size, int n) {
        List<Integer> sample = new ArrayList<>();
        for (int i = 0; i < Math.min(size, n); i++) {
            sample.add((int) ((long) i * size / Math.min(size, n)));
        }
        return sample;
    }

    private String displayed(Path jar) {
        Path absolute = jar.toAbsolutePath().normalize();
        return "`" + (absolute.startsWith(shared.repo()) ? shared.repo().relativize(absolute) : absolute) + "`";
    }
}
