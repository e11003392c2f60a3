package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.util.Map;
import java.util.Optional;

/** Turns PostgreSQL's unique violations into the domain's {@link Conflict}, by the name of the violated constraint. */
final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** A conflict for a unique violation of one of {@code conflicts}' constraints; otherwise {@code error} itself. */
    static RuntimeException translate(RuntimeException error, Map<String, ConflictRule> conflicts) {
        return violatedConstraint(error)
                .map(conflicts::get)
                .<RuntimeException>map(rule -> new Conflict(rule.code(), rule.message()))
                .orElse(error);
    }

    private static Optional<String> violatedConstraint(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                return Optional.ofNullable(psql.getServerErrorMessage()).map(ServerErrorMessage::getConstraint);
            }
        }
        return Optional.empty();
    }

    record ConflictRule(ErrorCode code, String message) {
    }
}
