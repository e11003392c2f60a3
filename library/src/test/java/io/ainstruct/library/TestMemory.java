package io.ainstruct.library;

import io.ainstruct.testsupport.TestDatabase;

/** Memories for the tests: on a fresh database of the suite's PostgreSQL, with the small model tests pin. */
final class TestMemory {
    private TestMemory() {
    }

    static MemorySettings onFreshDatabase() {
        return MemorySettings.onDatabase(TestDatabase.freshDatabase(), TestDatabase.username(), TestDatabase.password())
                .embedding(LocalEmbedding.ALL_MINILM_L6_V2_Q).build();
    }
}
