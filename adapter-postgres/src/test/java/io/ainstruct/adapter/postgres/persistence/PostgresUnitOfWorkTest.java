package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.user.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUnitOfWorkTest extends PostgresAdapterTest {
    private PostgresUnitOfWork unitOfWork;
    private PostgresUserRepository users;
    private PostgresCollectionRepository collections;

    @BeforeAll
    void beans() {
        unitOfWork = context.getBean(PostgresUnitOfWork.class);
        users = context.getBean(PostgresUserRepository.class);
        collections = context.getBean(PostgresCollectionRepository.class);
    }

    @Test
    void commitsTheWritesOfEveryRepositoryTogether() {
        User user = fixtures.newUser();
        Collection collection = newCollection(user);

        String result = unitOfWork.inTransaction(() -> {
            users.insert(user);
            collections.insert(collection);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(users.findById(user.id())).contains(user);
        assertThat(collections.findById(collection.id())).contains(collection);
    }

    @Test
    void anExceptionLeavesNothingWrittenByAnyRepository() {
        User user = fixtures.newUser();
        Collection collection = newCollection(user);
        IllegalStateException failure = new IllegalStateException("use case failed");

        assertThatThrownBy(() -> unitOfWork.run(() -> {
            users.insert(user);
            collections.insert(collection);
            fixtures.storedDocument(collection.id(), "never stored", 2);
            throw failure;
        })).isSameAs(failure);

        assertThat(users.findById(user.id())).isEmpty();
        assertThat(collections.findById(collection.id())).isEmpty();
        assertThat(count("SELECT count(*) FROM documents WHERE collection_id = ?", collection.id().value())).isZero();
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOne() {
        User user = fixtures.newUser();

        assertThatThrownBy(() -> unitOfWork.run(() -> {
            unitOfWork.run(() -> users.insert(user));
            throw new IllegalStateException("outer failed");
        })).hasMessage("outer failed");

        assertThat(users.findById(user.id())).isEmpty();
    }

    @Test
    void writesAreInvisibleToOthersUntilCommit() {
        User user = fixtures.newUser();

        unitOfWork.run(() -> {
            users.insert(user);
            assertThat(count("SELECT count(*) FROM users WHERE id = ?", user.id().value())).isZero();
        });

        assertThat(count("SELECT count(*) FROM users WHERE id = ?", user.id().value())).isEqualTo(1);
    }

    @Test
    void aReadOnlyUnitOfWorkReadsButCannotWrite() {
        User stored = fixtures.storedUser();
        User other = fixtures.newUser();

        assertThat(unitOfWork.readOnly(() -> users.findById(stored.id()))).contains(stored);
        assertThatThrownBy(() -> unitOfWork.readOnly(() -> {
            users.insert(other);
            return null;
        })).hasStackTraceContaining("read-only");
        assertThat(users.findById(other.id())).isEmpty();
    }

    private static Collection newCollection(User owner) {
        return new Collection(CollectionId.random(), owner.id(), Fixtures.unique("c-"), Fixtures.now(), Fixtures.now());
    }
}
