package io.ainstruct.application.search;

import java.util.Objects;
import java.util.Optional;

/** Whether the hits of a search were reranked; when not, why. Search never fails because its reranker did. */
public record RerankStatus(Outcome outcome, Optional<String> reason) {
    public enum Outcome { APPLIED, SKIPPED, FAILED }

    public RerankStatus {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    public static RerankStatus applied() {
        return new RerankStatus(Outcome.APPLIED, Optional.empty());
    }

    public static RerankStatus skipped(String reason) {
        return new RerankStatus(Outcome.SKIPPED, Optional.of(reason));
    }

    public static RerankStatus failed(String reason) {
        return new RerankStatus(Outcome.FAILED, Optional.of(reason));
    }
}
