package io.ainstruct.adapter.embedding;

import io.ainstruct.domain.chunking.ChunkingPolicy;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.chunking.TextChunk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The chunker with the real cl100k_base tokenizer on a document that looks like what users store. */
class MarkdownChunkerWithCl100kTest {

    private static final JtokkitTokenizer TOKENIZER = new JtokkitTokenizer();
    private static final MarkdownChunker CHUNKER = new MarkdownChunker(TOKENIZER, ChunkingPolicy.DEFAULT);

    @Test
    void chunksARealisticDocumentWithinTheLimitsAndWithOverlap() {
        String doc = realisticDocument();

        List<TextChunk> chunks = CHUNKER.chunk(doc);

        assertThat(TOKENIZER.count(doc)).isGreaterThan(3_000);
        assertThat(chunks).hasSizeGreaterThan(8).allSatisfy(chunk -> {
            assertThat(chunk.content()).isNotBlank();
            assertThat(chunk.tokenCount()).isEqualTo(TOKENIZER.count(chunk.content())).isLessThanOrEqualTo(400);
        });
        for (int i = 1; i < chunks.size(); i++) {
            String overlap = overlap(chunks.get(i - 1).content(), chunks.get(i).content());
            assertThat(overlap).as("overlap before chunk %d", i).isNotBlank();
            assertThat(TOKENIZER.count(overlap)).as("overlap before chunk %d", i).isLessThanOrEqualTo(60);
        }
        // Nothing is lost: every line of the document is in some chunk.
        doc.lines().filter(line -> !line.isBlank()).filter(line -> TOKENIZER.count(line) <= 350).forEach(line ->
                assertThat(chunks).anySatisfy(chunk -> assertThat(chunk.content()).contains(line)));
        System.out.printf("cl100k chunking: %d tokens -> %d chunks, sizes %s%n", TOKENIZER.count(doc), chunks.size(),
                chunks.stream().map(c -> String.valueOf(c.tokenCount())).collect(Collectors.joining(", ")));
    }

    @Test
    void keepsCodeBlocksWithTheirHeading() {
        List<TextChunk> chunks = CHUNKER.chunk(realisticDocument());

        assertThat(chunks).anySatisfy(chunk -> assertThat(chunk.content())
                .contains("## Installation")
                .contains("# Install the server (this is a shell comment, not a heading)")
                .contains("docker compose up -d"));
    }

    /** The longest suffix of {@code previous} that {@code next} starts with. */
    private static String overlap(String previous, String next) {
        for (int length = Math.min(previous.length(), next.length()); length > 0; length--) {
            if (previous.endsWith(next.substring(0, length))) {
                return next.substring(0, length);
            }
        }
        return "";
    }

    private static String realisticDocument() {
        String changelog = IntStream.rangeClosed(1, 60).mapToObj(n -> "- 0." + n + ".0: "
                        + List.of("fixed a race in the outbox relay when the vector engine restarts",
                        "added the `max_tokens` parameter to the search endpoint",
                        "reduced memory use of the in-process index by storing vectors as float arrays",
                        "documented how to rotate collection access tokens without downtime",
                        "the importer now keeps the original creation dates of documents").get(n % 5)
                        + " (#" + (1000 + n * 7) + ")")
                .collect(Collectors.joining("\n"));
        String minified = IntStream.range(0, 300).mapToObj(n -> "{\"id\":" + n + ",\"title\":\"note " + n
                + "\",\"tags\":[\"t" + n % 7 + "\"]}").collect(Collectors.joining(",", "[", "]"));
        return """
                # Ainstruct operations handbook

                Ainstruct keeps the documents of AI agents in PostgreSQL and makes them searchable by meaning.
                This handbook explains how to install it, configure it, and keep it healthy in production.

                ## Installation

                The quickest way to try it is Docker Compose. You need Docker 24 or newer and two free ports.

                ```bash
                # Install the server (this is a shell comment, not a heading)
                git clone https://example.org/ainstruct.git
                cd ainstruct
                ## Start everything in the background
                docker compose up -d
                ```

                When the containers are healthy, open http://localhost:8080/api/v1/health in a browser.

                ## Configuration

                | Property | Default | Meaning |
                |----------|---------|---------|
                | `ainstruct.chunking.max-tokens` | 400 | largest chunk, in cl100k_base tokens |
                | `ainstruct.chunking.overlap-tokens` | 50 | tokens shared by consecutive chunks |
                | `ainstruct.embedding.provider` | local | `local` or `openai` |
                | `EMBEDDING_BASE_URL` | none | root of an OpenAI-compatible API |

                ### Choosing an embedding model

                The local model runs inside the server and needs no network. It is small and fast, and good
                enough for most knowledge bases written in English. Hosted models understand more languages
                and longer passages, at the price of a network round trip for every batch. Changing the model
                means every chunk must be embedded again: the server refuses to mix vectors of two models and
                tells you to run a reindex instead.

                ## Operations

                %s

                ### Backups

                Back up the database with `pg_dump`; the vector index can always be rebuilt from it. Restores are
                tested every night in our own installation, and you should test yours too. A backup that was
                never restored is a hope, not a backup. Keep at least one copy outside the machine that runs the
                database, and encrypt it, because documents often contain things their authors did not mean to
                share.

                ## Changelog

                %s

                ## Appendix: sample export

                %s
                """.formatted(longProse(), changelog, minified);
    }

    /** A long section of varied prose, larger than one chunk. */
    private static String longProse() {
        List<String> topics = List.of("connection pool", "outbox relay", "vector index", "token service",
                "rate limiter", "import job", "health check", "audit log");
        return IntStream.range(0, 24).mapToObj(n -> {
            String topic = topics.get(n % topics.size());
            return "Step " + (n + 1) + ": watch the " + topic + ". When the " + topic + " reports more than "
                    + (n + 2) * 10 + " pending items for longer than " + (n + 1) + " minutes, check the logs of node "
                    + (char) ('a' + n) + " first, then the database, and only then restart the service.";
        }).collect(Collectors.joining("\n"));
    }
}
