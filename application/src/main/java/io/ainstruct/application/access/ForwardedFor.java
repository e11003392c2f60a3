package io.ainstruct.application.access;

/**
 * The address rate limits count against, for every HTTP entry point alike. By default the TCP peer: forwarded headers
 * are not trusted, since any client can set them. Behind a proxy whose header is configured, the right-most entry of
 * that header counts, the one the trusted proxy itself appended.
 */
public final class ForwardedFor {
    private ForwardedFor() {
    }

    /** {@code trustedHeaderValue} is null when no header is configured or the request carries none. */
    public static String client(String trustedHeaderValue, String peer) {
        if (trustedHeaderValue != null && !trustedHeaderValue.isBlank()) {
            String[] hops = trustedHeaderValue.split(",");
            return hops[hops.length - 1].trim();
        }
        return peer;
    }
}
