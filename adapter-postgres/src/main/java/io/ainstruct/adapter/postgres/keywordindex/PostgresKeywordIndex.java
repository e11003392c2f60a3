package io.ainstruct.adapter.postgres.keywordindex;

import io.ainstruct.adapter.postgres.shared.JsonMetadata;
import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.port.KeywordIndex;
import io.ainstruct.domain.search.KeywordHit;
import io.ainstruct.domain.search.VectorFilter;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * BM25 over the inverted index {@code keyword_postings} (schema V11), in one statement: the query's terms come from
 * the same text search configuration that indexed the chunks, each term is weighed by how rare it is among the
 * chunks of the caller's collections (so nothing about other tenants' texts shapes a score), and only the postings
 * of those terms in those collections are read, from the index alone.
 */
@Singleton
@TranslatesDatabaseFailures
class PostgresKeywordIndex implements KeywordIndex {
    /** BM25's usual constants (Robertson et al.; Lucene's defaults): term-frequency saturation and length normalisation. */
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private static final String SCORED = """
            WITH terms AS (
                SELECT DISTINCT term
                FROM keyword_settings s, unnest(tsvector_to_array(to_tsvector(s.language, ?))) AS term
            ), corpus AS (
                SELECT greatest(sum(chunk_count), 1)::float8 AS chunks,
                       greatest(coalesce(sum(token_count)::float8 / nullif(sum(chunk_count), 0), 1), 1) AS average_length
                FROM documents WHERE collection_id = ANY (?)
            ), weights AS (
                SELECT p.term, ln(1 + (corpus.chunks - count(*) + 0.5) / (count(*) + 0.5)) AS idf
                FROM keyword_postings p JOIN terms USING (term) CROSS JOIN corpus
                WHERE p.collection_id = ANY (?)
                GROUP BY p.term, corpus.chunks
            ), scored AS (
                SELECT p.chunk_id, sum(w.idf * p.frequency * (%1$s + 1)
                           / (p.frequency + %1$s * (1 - %2$s + %2$s * p.length / corpus.average_length))) AS score
                FROM keyword_postings p JOIN weights w USING (term) CROSS JOIN corpus
                WHERE p.collection_id = ANY (?)
                GROUP BY p.chunk_id
            )
            """.formatted(K1, B);

    /** Without a type or metadata filter the best chunks are chosen before any document is read. */
    private static final String UNFILTERED = SCORED + """
            SELECT chunk_id, score FROM scored ORDER BY score DESC, chunk_id LIMIT ?""";

    private static final String FILTERED = SCORED + """
            SELECT s.chunk_id, s.score
            FROM scored s JOIN chunks c ON c.id = s.chunk_id JOIN documents d ON d.id = c.document_id
            WHERE (?::text IS NULL OR d.document_type = ?::text)
              AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(?::jsonb) f WHERE d.metadata ->> f.key IS DISTINCT FROM f.value)
            ORDER BY s.score DESC, s.chunk_id LIMIT ?""";

    private final TransactionOperations<Connection> transactions;
    private final JsonMetadata json;

    PostgresKeywordIndex(TransactionOperations<Connection> transactions, JsonMetadata json) {
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public List<KeywordHit> search(String query, VectorFilter filter, int limit) {
        if (filter.collections().isEmpty()) {
            return List.of();
        }
        boolean filtered = filter.type().isPresent() || !filter.metadataEquals().isEmpty();
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement select = connection.prepareStatement(filtered ? FILTERED : UNFILTERED)) {
                Array collections = connection.createArrayOf("uuid",
                        filter.collections().stream().map(CollectionId::value).toArray());
                int at = 1;
                select.setString(at++, query);
                for (int use = 0; use < 3; use++) {
                    select.setArray(at++, collections);
                }
                if (filtered) {
                    String type = filter.type().map(DocumentType::wireName).orElse(null);
                    select.setString(at++, type);
                    select.setString(at++, type);
                    select.setString(at++, json.toJson(new LinkedHashMap<String, Object>(filter.metadataEquals())));
                }
                select.setInt(at, limit);
                return hits(select);
            } catch (SQLException e) {
                throw new DataAccessException("cannot search the keyword index", e);
            }
        });
    }

    private static List<KeywordHit> hits(PreparedStatement select) throws SQLException {
        List<KeywordHit> hits = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hits.add(new KeywordHit(new ChunkId(rows.getObject(1, UUID.class)), rows.getDouble(2)));
            }
        }
        return hits;
    }
}
