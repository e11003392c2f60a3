package io.ainstruct.adapter.postgres.persistence;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A flag raised when this process commits an outbox event, lowered by the waiter who sees it. */
final class NewEventSignal {
    private boolean raised;

    synchronized void raise() {
        raised = true;
        notifyAll();
    }

    synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!raised) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        raised = false;
        return true;
    }
}
