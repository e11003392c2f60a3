package io.ainstruct.application.health;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessCheckTest {
    private final TestWorld world = new TestWorld();
    private final ReadinessCheck check = new ReadinessCheck(world.outbox, world.index, world.embedder);

    @Test
    void an_unreachable_index_leaves_the_service_ready_with_the_index_degraded_and_the_backlog_counted() {
        Caller.Person alice = world.signUp("alice");
        CollectionId notes = world.createCollection(alice, "notes");
        world.store(alice, notes, "t", "some text");
        world.index.down();

        Readiness readiness = check.check();

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.databaseProblem()).isEmpty();
        assertThat(readiness.indexProblem()).hasValueSatisfying(problem -> assertThat(problem).contains("unreachable"));
        assertThat(readiness.backlog()).isEqualTo(1);
    }

    @Test
    void a_reachable_index_reports_no_problem_and_its_points() {
        Readiness readiness = check.check();

        assertThat(readiness.indexProblem()).isEmpty();
        assertThat(readiness.indexedPoints()).isZero();
        assertThat(readiness.backlog()).isZero();
    }
}
