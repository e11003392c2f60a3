package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server on an operator's database ({@code DATABASE_URL}, so not dev mode) whose signing secret is missing, published
 * or guessable refuses to start, with one line saying what to do, and never answers {@code /health} in between.
 */
class StartupRefusalTest {

    @Test
    void withoutASigningSecretTheServerRefusesToStart() {
        ServerProcess.Refusal refusal = ServerProcess.expectRefusal("refusal-no-secret", TestDatabase.freshDatabase(),
                Map.of("ainstruct.jwt-secret", ""));

        assertRefusedWithOneLine(refusal, "ainstruct refuses to start: No JWT signing secret: set AINSTRUCT_JWT_SECRET");
    }

    @Test
    void withThePublishedDevSecretTheServerRefusesToStart() throws IOException {
        String published = Files.readAllLines(Path.of("..", "compose.dev.env")).stream()
                .filter(line -> line.startsWith("AINSTRUCT_JWT_SECRET=")).findFirst().orElseThrow()
                .substring("AINSTRUCT_JWT_SECRET=".length());

        ServerProcess.Refusal refusal = ServerProcess.expectRefusal("refusal-dev-secret", TestDatabase.freshDatabase(),
                Map.of("ainstruct.jwt-secret", published));

        assertRefusedWithOneLine(refusal, "ainstruct refuses to start: AINSTRUCT_JWT_SECRET is the published dev-only secret");
    }

    @Test
    void withALowEntropySecretTheServerRefusesToStart() {
        ServerProcess.Refusal refusal = ServerProcess.expectRefusal("refusal-weak-secret", TestDatabase.freshDatabase(),
                Map.of("ainstruct.jwt-secret", "password".repeat(5)));

        assertRefusedWithOneLine(refusal, "ainstruct refuses to start: AINSTRUCT_JWT_SECRET is too predictable");
    }

    private static void assertRefusedWithOneLine(ServerProcess.Refusal refusal, String line) {
        assertThat(refusal.answeredHealth()).as("answered /health before refusing").isFalse();
        assertThat(refusal.exitCode()).as(refusal.output()).isEqualTo(78);
        assertThat(refusal.output()).contains(line).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
