package io.ainstruct.adapter.embedding;

import java.net.http.HttpClient;
import java.time.Duration;

/** What the HTTP adapters put of an endpoint's answers into their messages: short, on one line, without the key. */
final class Excerpts {

    private static final int EXCERPT_LENGTH = 300;

    private final String apiKey;

    /** @param apiKey the key to keep out of messages; null when none is sent */
    Excerpts(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The client both HTTP adapters use. */
    static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // Plain HTTP/1.1: the HTTP/2 upgrade dance on http:// URLs confuses some local servers.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The start of a response body, on one line. */
    String of(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = redact(body.strip().replaceAll("\\s+", " "));
        return oneLine.length() <= EXCERPT_LENGTH ? oneLine : oneLine.substring(0, EXCERPT_LENGTH) + "...";
    }

    /** Some servers echo the key they rejected; it must not reach logs or clients. */
    String redact(String text) {
        return apiKey == null ? text : text.replace(apiKey, "***");
    }
}
