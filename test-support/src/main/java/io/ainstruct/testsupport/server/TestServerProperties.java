package io.ainstruct.testsupport.server;

import io.ainstruct.testsupport.TestDatabase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The properties every test server runs with: in this JVM ({@link TestServer}) or as a process of its own. */
public final class TestServerProperties {
    public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256!";
    public static final String ADMIN_USERNAME = "test-admin";
    public static final String ADMIN_PASSWORD = "admin horse battery";

    private TestServerProperties() {
    }

    /** A server on {@code databaseUrl} (a database of the suite's PostgreSQL), on a random port, then {@code extra}. */
    public static Map<String, Object> on(String databaseUrl, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.micronautProperties(databaseUrl));
        properties.put("micronaut.server.port", -1);
        properties.put("ainstruct.jwt-secret", JWT_SECRET);
        // The lowest cost bcrypt takes: tests log in thousands of times, and the cost is not what they check.
        properties.put("ainstruct.bcrypt-cost", 4);
        // Tests register many users from one address; the rate-limit tests set their own limits.
        properties.put("ainstruct.registrations-per-hour", 100_000);
        properties.put("ainstruct.login-attempts-per-minute", 100_000);
        // The smaller model: tests embed thousands of texts and check behaviour, not ranking quality (the default
        // model is chosen by the bench, tested in StartupGuardsTest and run by scripts/smoke-jar.sh).
        properties.put("ainstruct.embedding.local-model", "all-minilm-l6-v2-q");
        // Test clients speak plain HTTP, and java.net's cookie store (rightly) never sends a Secure cookie over it.
        properties.put("ainstruct.web.secure-cookie", false);
        properties.putAll(extra);
        return properties;
    }

    /** Extra properties that give the server a superuser, {@link TestUsers#admin()}. */
    public static Map<String, Object> superuser() {
        return Map.of("ainstruct.admin.username", ADMIN_USERNAME, "ainstruct.admin.email", ADMIN_USERNAME + "@example.org",
                "ainstruct.admin.password", ADMIN_PASSWORD);
    }

    /** {@link #on} as {@code -Dkey=value} options of a {@code java} command line. */
    public static List<String> asJvmOptions(String databaseUrl, Map<String, Object> extra) {
        return on(databaseUrl, extra).entrySet().stream()
                .map(property -> "-D" + property.getKey() + "=" + property.getValue()).sorted().toList();
    }
}
