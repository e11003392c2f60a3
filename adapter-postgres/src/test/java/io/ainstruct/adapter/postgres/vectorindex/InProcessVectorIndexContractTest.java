package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.testsupport.TestDatabase;
import io.ainstruct.testsupport.VectorIndexContract;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared vector index contract, on an index loaded from a database that holds no chunk. */
class InProcessVectorIndexContractTest extends VectorIndexContract {
    private static ApplicationContext context;

    @BeforeAll
    static void startContext() {
        context = ApplicationContext.run(PostgresAdapterTest.adapterProperties(TestDatabase.freshDatabase()));
    }

    @AfterAll
    static void stopContext() {
        context.close();
    }

    @Override
    protected VectorIndex createEmptyIndex() {
        return InProcessIndexes.on(context);
    }
}
