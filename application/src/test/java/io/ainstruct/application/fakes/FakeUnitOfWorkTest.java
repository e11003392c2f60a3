package io.ainstruct.application.fakes;

import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fakes are only worth what their transactions are worth. */
class FakeUnitOfWorkTest {
    private final TestWorld world = new TestWorld();
    private final Instant now = world.clock.instant();
    private final User user = new User(UserId.random(), "u@example.com", "user", "plain:pw", true, false, now, now);

    @Test
    void a_failing_transaction_leaves_every_store_as_it_was() {
        assertThatThrownBy(() -> world.uow.run(() -> {
            world.users.insert(user);
            world.collections.insert(new Collection(CollectionId.random(), user.id(), "c", now, now));
            world.outbox.collectionDeleted(CollectionId.random());
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(world.users.count()).isZero();
        assertThat(world.collections.count()).isZero();
        assertThat(world.outbox.backlog()).isZero();
        assertThat(world.uow.rollbacks()).isEqualTo(1);
    }

    @Test
    void nested_work_joins_the_outer_transaction() {
        assertThatThrownBy(() -> world.uow.run(() -> {
            world.uow.run(() -> world.users.insert(user));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(world.users.count()).isZero();
    }

    @Test
    void writes_need_a_read_write_transaction() {
        assertThatThrownBy(() -> world.users.insert(user)).hasMessageContaining("outside a transaction");
        assertThatThrownBy(() -> world.uow.readOnly(() -> {
            world.users.insert(user);
            return null;
        })).hasMessageContaining("read-only");
        assertThat(world.users.count()).isZero();
    }
}
