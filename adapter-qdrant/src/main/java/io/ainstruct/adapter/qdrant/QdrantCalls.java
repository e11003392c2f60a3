package io.ainstruct.adapter.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unavailable;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Waits for Qdrant's answers and turns its failures into the port's: Qdrant away or too slow is {@link Unavailable}
 * (a caller may retry later; the outbox does), anything else Qdrant refuses is an {@link IllegalStateException}.
 */
final class QdrantCalls {
    private static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED, Status.Code.CANCELLED);

    static final Duration WHILE_DISCONNECTED = Duration.ofMillis(500);

    private final String endpoint;
    private final Duration timeout;
    private final ManagedChannel channel;

    QdrantCalls(QdrantSettings settings, ManagedChannel channel) {
        this.endpoint = settings.url().toString();
        this.timeout = settings.timeout();
        this.channel = channel;
    }

    /**
     * The deadline for the next call: the configured timeout, but at most {@link #WHILE_DISCONNECTED} while the last
     * attempt to connect failed, so that readiness checks and the relay's open transaction do not wait out a long
     * deadline for a Qdrant that is down. gRPC is also told to try connecting at once instead of after its backoff,
     * so a Qdrant that came back answers this very call.
     */
    Duration deadline() {
        if (channel.getState(true) != ConnectivityState.TRANSIENT_FAILURE) {
            return timeout;
        }
        channel.resetConnectBackoff();
        return timeout.compareTo(WHILE_DISCONNECTED) < 0 ? timeout : WHILE_DISCONNECTED;
    }

    <T> T await(String what, ListenableFuture<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for Qdrant to " + what);
        } catch (ExecutionException e) {
            throw translate(what, e.getCause());
        }
    }

    private RuntimeException translate(String what, Throwable cause) {
        if (cause instanceof StatusRuntimeException status && TRANSIENT.contains(status.getStatus().getCode())) {
            return new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "Qdrant at " + endpoint + " could not " + what + ": "
                    + status.getStatus().getCode() + describe(status.getStatus()));
        }
        if (cause instanceof StatusRuntimeException status) {
            return new IllegalStateException("Qdrant at " + endpoint + " refused to " + what + ": "
                    + status.getStatus().getCode() + describe(status.getStatus()), status);
        }
        return new IllegalStateException("Qdrant at " + endpoint + " failed to " + what + ": " + cause, cause);
    }

    private static String describe(Status status) {
        return status.getDescription() == null ? "" : " (" + status.getDescription() + ")";
    }
}
