package io.ainstruct.adapter.rest.health;

import io.ainstruct.application.health.Readiness;
import io.ainstruct.application.health.ReadinessCheck;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** Liveness for process supervisors, readiness for load balancers; neither needs a token. */
@Controller("/health")
class HealthController {
    private final ReadinessCheck readiness;

    HealthController(ReadinessCheck readiness) {
        this.readiness = readiness;
    }

    @Get
    Map<String, String> live() {
        return Map.of("status", "healthy");
    }

    @Get("/ready")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<ReadinessView> ready() {
        Readiness state = readiness.check();
        return HttpResponse.status(state.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(ReadinessView.of(state));
    }

    @Serdeable
    record ReadinessView(String status, Part database, Part vectorIndex, Part embedder) {
        static ReadinessView of(Readiness r) {
            Part database = new Part(r.databaseUp() ? "up" : "down", r.databaseProblem().orElse(null), null, null);
            Part index = new Part(indexStatus(r), r.indexProblem().orElse(null),
                    Map.of("points", r.indexedPoints(), "backlog", r.backlog()), null);
            Part embedder = new Part("up", null, Map.of("dimension", (long) r.embeddingDimension()), r.embeddingModel());
            return new ReadinessView(r.ready() ? "ready" : "not_ready", database, index, embedder);
        }

        /** Degraded: unreachable, while documents still land in PostgreSQL and wait in the outbox (the backlog). */
        private static String indexStatus(Readiness r) {
            if (r.indexProblem().isPresent()) {
                return "degraded";
            }
            return r.backlog() > 0 ? "catching_up" : r.databaseUp() ? "up" : "unknown";
        }
    }

    @Serdeable
    record Part(String status, String problem, Map<String, Long> figures, String model) {
    }
}
