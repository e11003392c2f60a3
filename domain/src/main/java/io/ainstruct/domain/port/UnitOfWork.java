package io.ainstruct.domain.port;

import java.util.function.Supplier;

/**
 * One transaction shared by every repository a use case touches. Everything done inside {@code work}
 * commits together, or nothing does.
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    <T> T readOnly(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
