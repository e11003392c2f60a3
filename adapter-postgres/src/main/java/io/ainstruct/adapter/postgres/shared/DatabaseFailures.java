package io.ainstruct.adapter.postgres.shared;

import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unavailable;
import io.micronaut.data.connection.exceptions.ConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/**
 * Tells a database that is out of reach from a database that is merely busy, and both from real faults.
 * <ul>
 * <li>Every pooled connection in use for longer than the pool's connection timeout: HikariCP gives up with a
 * {@link SQLTransientConnectionException} that has no cause — {@link ErrorCode#DATABASE_BUSY}.</li>
 * <li>The server cannot be reached, went away mid-statement or is shutting down (SQLSTATE class 08, 57P01–57P03;
 * HikariCP's timeout then carries the last connection failure as its cause), or a connection could not even be
 * prepared for a transaction ({@link ConnectionException}: HikariCP has already closed a connection it found broken,
 * and reports only "Connection is closed", without a state) — {@link ErrorCode#DATABASE_UNAVAILABLE}.</li>
 * </ul>
 * Anything else is a fault of ours and passes through unchanged.
 */
final class DatabaseFailures {
    private DatabaseFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DomainException) {
            return failure;
        }
        if (anyCause(failure, cause -> cause instanceof SQLTransientConnectionException && cause.getCause() == null)) {
            return new Unavailable(ErrorCode.DATABASE_BUSY,
                    "The database is busy: no connection became free in time. Retry shortly");
        }
        if (anyCause(failure, cause -> cause instanceof ConnectionException
                || cause instanceof SQLException sql && unreachable(sql.getSQLState()))) {
            return new Unavailable(ErrorCode.DATABASE_UNAVAILABLE, "The database cannot be reached right now. Retry shortly");
        }
        return failure;
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
