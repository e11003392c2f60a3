package io.ainstruct.application.fakes;

/** An in-memory store that a {@link FakeUnitOfWork} can roll back. */
public interface Rollbackable {

    /** Captures the current state; running the returned action puts it back. */
    Runnable snapshot();
}
