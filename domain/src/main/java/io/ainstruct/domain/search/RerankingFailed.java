package io.ainstruct.domain.search;

/**
 * A reranker gave no usable order. Not a {@code DomainException}: search answers anyway, in its first-stage order,
 * and reports the reason instead of failing the request.
 */
public class RerankingFailed extends RuntimeException {
    public RerankingFailed(String reason) {
        super(reason);
    }

    public RerankingFailed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
