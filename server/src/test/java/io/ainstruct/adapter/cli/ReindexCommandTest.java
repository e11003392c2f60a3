package io.ainstruct.adapter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** reindex after an import that skipped it: one collection first, then the rest, reusing what was embedded. */
class ReindexCommandTest {
    @TempDir
    Path directory;

    @Test
    void reindexesOneCollectionThenEverythingReusingStoredEmbeddings() throws Exception {
        String database = LegacyFixture.freshTarget();
        Path legacy = LegacyFixture.generate(directory, 10, false);
        assertThat(MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", database, "--skip-reindex",
                "--accept-quarantine").exitCode()).isZero();
        String collection = busiestCollection(database);
        long inCollection = LegacyFixture.count(database,
                "SELECT count(*) FROM documents WHERE collection_id = '" + collection + "'");
        long total = LegacyFixture.count(database, "SELECT count(*) FROM documents");

        MigrateCommandTest.Run one = MigrateCommandTest.Run.cli("reindex", "--collection", collection, "--database", database);

        assertThat(one.exitCode()).as(one.output()).isZero();
        assertThat(one.output()).contains("Reindexed " + inCollection + " documents", inCollection + " chunked and embedded");
        assertThat(LegacyFixture.count(database, "SELECT count(*) FROM documents WHERE chunk_count > 0")).isEqualTo(inCollection);

        MigrateCommandTest.Run all = MigrateCommandTest.Run.cli("reindex", "--database", database);

        assertThat(all.exitCode()).as(all.output()).isZero();
        assertThat(all.output()).contains("Reindexed " + total + " documents", (total - inCollection) + " chunked and embedded",
                inCollection + " from stored embeddings");
        assertThat(LegacyFixture.count(database, "SELECT count(*) FROM documents WHERE chunk_count = 0")).isZero();
    }

    private static String busiestCollection(String database) throws Exception {
        try (Connection connection = LegacyFixture.connect(database);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT collection_id FROM documents GROUP BY collection_id ORDER BY count(*) DESC, collection_id LIMIT 1")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
