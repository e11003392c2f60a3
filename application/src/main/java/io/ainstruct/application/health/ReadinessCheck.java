package io.ainstruct.application.health;

import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.VectorIndex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks at the database, the vector index and the embedder without changing anything. The readiness endpoint is
 * public, so a problem is named by a fixed word (an exception's text would tell anyone the database's host, a
 * driver's version, a stack of causes; it goes to the log), and an answer is reused for {@code reuseFor}: a flood
 * of probes costs one database query per period, not one each.
 */
public final class ReadinessCheck {
    private static final System.Logger LOG = System.getLogger(ReadinessCheck.class.getName());

    private final IndexingOutbox outbox;
    private final VectorIndex index;
    private final Embedder embedder;
    private final Clock clock;
    private final Duration reuseFor;
    private Readiness last;
    private Instant lastAt = Instant.MIN;

    public ReadinessCheck(IndexingOutbox outbox, VectorIndex index, Embedder embedder, Clock clock, Duration reuseFor) {
        this.outbox = outbox;
        this.index = index;
        this.embedder = embedder;
        this.clock = clock;
        this.reuseFor = reuseFor;
    }

    public synchronized Readiness check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(reuseFor))) {
            last = checkNow();
            lastAt = now;
        }
        return last;
    }

    private Readiness checkNow() {
        long backlog = -1;
        long points = -1;
        Optional<String> databaseProblem = Optional.empty();
        Optional<String> indexProblem = Optional.empty();
        try {
            backlog = outbox.backlog();
        } catch (RuntimeException e) {
            databaseProblem = Optional.of(problem("database", e));
        }
        try {
            points = index.size();
        } catch (RuntimeException e) {
            indexProblem = Optional.of(problem("vector index", e));
        }
        return new Readiness(databaseProblem.isEmpty(), databaseProblem, backlog, points, indexProblem,
                embedder.modelName(), embedder.dimension());
    }

    /** The error code when the adapter named the failure ("database_busy"), otherwise "unreachable". */
    private static String problem(String part, RuntimeException failure) {
        LOG.log(System.Logger.Level.WARNING, "Readiness check: the " + part + " failed", failure);
        return failure instanceof DomainException named ? named.code().name().toLowerCase(Locale.ROOT) : "unreachable";
    }
}
