package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store is several writes in one transaction: the document row, its chunks, the vector change log, the outbox
 * event. When the last of them fails (a trigger in the real database refuses the outbox row of one title), the
 * request fails cleanly and nothing of it remains; once the fault is gone the same request succeeds, once.
 */
class RollbackTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static final Api api = new Api(server.uri());
    private static final Sql sql = Sql.of(server);

    @Test
    void aFailureAfterTheDocumentRowWasWrittenLeavesNothingBehind() {
        String token = server.users().register("faulty").accessToken();
        String collection = api.defaultCollection(token);
        sql.execute("""
                CREATE FUNCTION refuse_doomed_outbox_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM documents WHERE id = NEW.subject AND title = 'Doomed') THEN
                        RAISE EXCEPTION 'injected fault after the document row was written';
                    END IF;
                    RETURN NEW;
                END $$""");
        sql.execute("CREATE TRIGGER refuse_doomed BEFORE INSERT ON indexing_outbox FOR EACH ROW EXECUTE FUNCTION refuse_doomed_outbox_rows()");
        Map<String, Object> doomed = Map.of("collection_id", collection, "title", "Doomed",
                "content", "# Doomed\n\nThis passage is chunked, embedded and written, and then the transaction fails.");
        long outboxBefore = sql.count("SELECT count(*) FROM indexing_outbox");
        long changesBefore = sql.count("SELECT count(*) FROM vector_changes");

        Api.Response failed = api.post("/api/v1/documents", token, doomed);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(failed.raw()).doesNotContain("injected").doesNotContain("Exception").doesNotContain("at io.");
        assertThat(sql.count("SELECT count(*) FROM documents WHERE title = 'Doomed'")).isZero();
        assertThat(sql.count("SELECT count(*) FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id)")).isZero();
        assertThat(sql.count("SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.title = 'Doomed'")).isZero();
        assertThat(sql.count("SELECT count(*) FROM indexing_outbox")).isEqualTo(outboxBefore);
        assertThat(sql.count("SELECT count(*) FROM vector_changes")).isEqualTo(changesBefore);
        assertThat(api.get("/api/v1/documents?collection_id=" + collection, token).body().path("total").asLong()).isZero();

        sql.execute("DROP TRIGGER refuse_doomed ON indexing_outbox");
        Api.Response stored = api.post("/api/v1/documents", token, doomed);
        assertThat(stored.status()).as(stored.raw()).isEqualTo(201);
        assertThat(sql.count("SELECT count(*) FROM documents WHERE title = 'Doomed'")).isEqualTo(1);
        assertThat(sql.count("SELECT count(*) FROM chunks WHERE document_id = ?::uuid", stored.text("document_id")))
                .isEqualTo(stored.body().path("chunk_count").asLong()).isPositive();
    }
}
