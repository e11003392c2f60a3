package io.ainstruct.application.health;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessCheckTest {
    private static final Duration REUSED_FOR = Duration.ofSeconds(2);

    private final TestWorld world = new TestWorld();
    private final ReadinessCheck check = new ReadinessCheck(world.outbox, world.index, world.embedder, world.clock, REUSED_FOR);

    @Test
    void an_unreachable_index_leaves_the_service_ready_with_the_index_degraded_and_the_backlog_counted() {
        Caller.Person alice = world.signUp("alice");
        CollectionId notes = world.createCollection(alice, "notes");
        world.store(alice, notes, "t", "some text");
        world.index.down();

        Readiness readiness = check.check();

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.databaseProblem()).isEmpty();
        // The fake's exception says "vector index unreachable"; what the public answer says is the error's code only.
        assertThat(readiness.indexProblem()).contains("service_unavailable");
        assertThat(readiness.backlog()).isEqualTo(1);
    }

    @Test
    void a_reachable_index_reports_no_problem_and_its_points() {
        Readiness readiness = check.check();

        assertThat(readiness.indexProblem()).isEmpty();
        assertThat(readiness.indexedPoints()).isZero();
        assertThat(readiness.backlog()).isZero();
    }

    @Test
    void an_answer_is_reused_for_a_moment_then_looked_at_again() {
        assertThat(check.check().indexProblem()).isEmpty();
        world.index.down();

        assertThat(check.check().indexProblem()).as("within the period").isEmpty();
        world.clock.advance(REUSED_FOR);
        assertThat(check.check().indexProblem()).as("after it").contains("service_unavailable");
    }

    @Test
    void a_failure_the_adapter_did_not_name_is_unreachable_without_its_text() {
        ReadinessCheck broken = new ReadinessCheck(world.outbox, new FailingIndex(), world.embedder, world.clock, REUSED_FOR);

        assertThat(broken.check().indexProblem()).contains("unreachable");
    }

    /** An index whose client throws what a driver throws: an exception whose text names hosts and versions. */
    private static final class FailingIndex implements VectorIndex {
        private static IllegalStateException driverFailure() {
            return new IllegalStateException("io.grpc.StatusRuntimeException: UNAVAILABLE: qdrant.internal:6334 refused");
        }

        @Override
        public void upsert(List<VectorPoint> points) {
            throw driverFailure();
        }

        @Override
        public void deleteDocument(DocumentId id) {
            throw driverFailure();
        }

        @Override
        public void deleteCollection(CollectionId id) {
            throw driverFailure();
        }

        @Override
        public List<VectorHit> search(float[] query, VectorFilter filter, int limit) {
            throw driverFailure();
        }

        @Override
        public long size() {
            throw driverFailure();
        }
    }
}
