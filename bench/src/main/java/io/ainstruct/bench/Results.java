package io.ainstruct.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, filled in as the phases go; {@link Report} turns it into markdown. */
final class Results {
    // run
    String command;
    String date;
    String nproc;
    String memory;
    String cpu;
    String kernel;
    String loadAtStart;
    String loadAtEnd;
    String javaMain;
    String javaMainVersion;
    String java25;
    String java25Version;
    String database;
    String serverJar;
    String serverJarTime;
    String loadGenerator;
    double totalMinutes;
    final List<String> notes = new ArrayList<>();

    // corpus
    long seed;
    int corpusDocs;
    int tokensMin;
    int tokensMax;
    double tokensMean;
    double contentKbMean;
    int codeBlocks;
    int defaultChunks;
    int smallChunksMaxTokens;
    int smallChunksOverlap;

    // ingest, default chunking
    Loads.Ingest ingest;
    int ingestDocsRequested;
    double ingestIndexLagSeconds;
    long ingestIndexedPoints;
    String ingestLoad;
    Baseline embedBaseline;
    double serverStartSeconds;

    // GET
    GetRun get17;
    GetRun get25;
    int getConnections;
    int getSeconds;
    int warmUpSeconds;
    int getIds;

    // search phase
    Loads.Ingest smallIngest;
    double smallIndexLagSeconds;
    long searchIndexedPoints;
    int searchDocs;
    Baseline smallEmbedBaseline;
    Loads.Timed search1;
    Loads.Timed search4;
    /** One client per search mode, the same queries; hybrid is {@link #search1}. */
    final Map<String, Loads.Timed> searchByMode = new LinkedHashMap<>();
    String searchLoad;
    Stats queryEmbed;
    int searchQueries;
    int searchChunkTarget;

    double ingestServerCpuSeconds = Double.NaN;
    double smallIngestServerCpuSeconds = Double.NaN;
    String serverCpuScope;

    /** The raw embedder on a sample of chunks; {@code before}/{@code after} are the rates of the two halves. */
    record Baseline(int chunks, int population, double seconds, double meanTokens, double before, double after,
                    double cpuSeconds) {
        double chunksPerSecond() {
            return chunks / seconds;
        }

        double cpuMsPerChunk() {
            return cpuSeconds * 1000 / chunks;
        }

        static Baseline combine(Baseline a, Baseline b) {
            return new Baseline(a.chunks + b.chunks, a.population, a.seconds + b.seconds,
                    (a.meanTokens * a.chunks + b.meanTokens * b.chunks) / (a.chunks + b.chunks),
                    a.chunksPerSecond(), b.chunksPerSecond(), a.cpuSeconds + b.cpuSeconds);
        }
    }

    /** One GET run: wrk's figures, or the Java load generator's. */
    record Get(String jvm, String generator, double opsPerSecond, long requests, double p50Ms, double p99Ms,
               long errors, String errorDetail, String loadBefore, String rawOutput, double serverCpuSeconds) {
        double cpuMsPerRequest() {
            return serverCpuSeconds * 1000 / requests;
        }
    }

    /** A GET run and its own JDBC baseline, half measured just before it and half just after. */
    record GetRun(Get server, Loads.Timed jdbc, double jdbcBefore, double jdbcAfter, String jdbcLoad) {
        double ratio() {
            return server.opsPerSecond() / jdbc.perSecond();
        }

        /** Baseline CPU per operation over server CPU per request: how much more CPU a request costs. */
        double cpuRatio() {
            return jdbc.cpuMsPerOperation() / server.cpuMsPerRequest();
        }
    }
}
