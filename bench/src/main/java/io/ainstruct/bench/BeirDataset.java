package io.ainstruct.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrieval benchmark in BEIR's layout: {@code corpus.jsonl} ({@code _id, title, text}), {@code queries.jsonl}
 * ({@code _id, text}) and {@code qrels.tsv} ({@code query-id, corpus-id, score}, a header line first).
 */
record BeirDataset(List<Doc> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> judgements) {

    record Doc(String id, String title, String text) {
    }

    static BeirDataset read(Path directory) throws IOException {
        List<Doc> corpus = new ArrayList<>();
        for (JsonNode line : jsonLines(directory.resolve("corpus.jsonl"))) {
            corpus.add(new Doc(line.get("_id").asText(), line.path("title").asText(""), line.path("text").asText("")));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode line : jsonLines(directory.resolve("queries.jsonl"))) {
            queries.put(line.get("_id").asText(), line.get("text").asText());
        }
        Map<String, Map<String, Integer>> judgements = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(directory.resolve("qrels.tsv"));
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            String[] fields = row.split("\t");
            if (fields.length < 3) {
                throw new IOException("qrels.tsv: expected query-id, corpus-id and score, found: " + row);
            }
            judgements.computeIfAbsent(fields[0], q -> new LinkedHashMap<>()).put(fields[1], Integer.parseInt(fields[2].trim()));
        }
        return new BeirDataset(corpus, queries, judgements);
    }

    /** The queries that have at least one relevant document, in the order of {@code queries.jsonl}. */
    Map<String, String> judgedQueries() {
        Map<String, String> judged = new LinkedHashMap<>();
        queries.forEach((id, text) -> {
            if (judgements.getOrDefault(id, Map.of()).values().stream().anyMatch(grade -> grade > 0)) {
                judged.put(id, text);
            }
        });
        return judged;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(Api.JSON.readTree(line));
                }
            }
        }
        return lines;
    }
}
