package io.ainstruct.bootstrap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of {@code docker-compose.yml}, since no Docker engine runs here to try it: every service has a health
 * check, every dependency waits for health, secrets must be given (no defaults), and the dev env file covers them.
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");
    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET|API_KEY|TOKEN).*");

    private final Map<String, Object> compose = load();
    private final Map<String, Map<String, Object>> services = map(compose.get("services"));

    @Test
    void runsPostgresQdrantAndTheTwoServerServices() {
        assertThat(services).containsOnlyKeys("postgres", "qdrant", "rest", "mcp");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:18-alpine");
        assertThat(String.valueOf(services.get("qdrant").get("image"))).startsWith("qdrant/qdrant:");
        assertThat(services.get("rest").get("build")).isEqualTo(".");
        assertThat(services.get("mcp").get("build")).isEqualTo(".");
        assertThat(services.get("mcp").get("image")).isEqualTo(services.get("rest").get("image"));
    }

    @Test
    void everyServiceHasAHealthCheckThatRunsACommand() {
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck).as(name).isNotNull();
            assertThat(healthcheck.get("test")).as(name).isInstanceOf(List.class);
            assertThat(String.valueOf(healthcheck.get("test"))).as(name).doesNotContain("NONE");
        });
        assertThat(String.valueOf(map(services.get("postgres").get("healthcheck")).get("test"))).contains("pg_isready");
    }

    /** The images carry bash but no curl: the checks speak HTTP over bash's /dev/tcp; here they meet a real HTTP server. */
    @ParameterizedTest
    @SuppressWarnings("unchecked")
    @CsvSource({"rest, 8080, /health/ready", "qdrant, 6333, /readyz"})
    void theHttpHealthChecksPassOn200AndFailOtherwise(String service, int port, String path) throws Exception {
        List<String> command = (List<String>) map(services.get(service).get("healthcheck")).get("test");
        assertThat(command.subList(0, 3)).containsExactly("CMD", "bash", "-c");
        assertThat(command.get(3)).contains("/dev/tcp/127.0.0.1/" + port).contains("GET " + path + " ");

        assertThat(runHealthCheck(command.get(3), port, path, 200)).isZero();
        assertThat(runHealthCheck(command.get(3), port, path, 503)).isNotZero();
    }

    private static int runHealthCheck(String script, int port, String path, int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            // The compose file's check, pointed at the test server's port.
            String local = script.replace("/dev/tcp/127.0.0.1/" + port,
                    "/dev/tcp/127.0.0.1/" + server.getAddress().getPort());
            Process check = new ProcessBuilder("bash", "-c", local).redirectErrorStream(true).start();
            assertThat(check.waitFor(10, TimeUnit.SECONDS)).as("the check ends by itself").isTrue();
            return check.exitValue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void everyDependencyWaitsForHealth() {
        for (String server : List.of("rest", "mcp")) {
            assertThat(map(services.get(server).get("depends_on"))).as(server).containsKeys("postgres", "qdrant");
        }
        services.forEach((name, service) -> {
            Map<String, Map<String, Object>> dependsOn = map(service.get("depends_on"));
            if (dependsOn != null) {
                dependsOn.forEach((dependency, condition) -> assertThat(condition.get("condition"))
                        .as(name + " -> " + dependency).isEqualTo("service_healthy"));
            }
        });
    }

    @Test
    void serversAreConfiguredThroughTheEnvironment() {
        for (String server : List.of("rest", "mcp")) {
            Map<String, Object> environment = map(services.get(server).get("environment"));
            assertThat(String.valueOf(environment.get("DATABASE_URL"))).as(server).contains("//postgres:5432/");
            assertThat(String.valueOf(environment.get("QDRANT_URL"))).as(server).isEqualTo("http://qdrant:6334");
            assertThat(environment).as(server).containsKeys("AINSTRUCT_JWT_SECRET", "QDRANT_API_KEY", "DATASOURCES_DEFAULT_PASSWORD");
        }
    }

    @Test
    void everyPublishedPortListensOnLoopbackOnly() {
        services.forEach((name, service) -> {
            Object ports = service.get("ports");
            if (ports != null) {
                assertThat((List<?>) ports).as(name).allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
            }
        });
    }

    @Test
    void noSecretHasADefault() {
        services.forEach((name, service) -> map(service.get("environment")).forEach((key, value) -> {
            String text = String.valueOf(value);
            Matcher variable = VARIABLE.matcher(text);
            if (SECRET.matcher(key).matches()) {
                assertThat(variable.matches()).as(name + "." + key + " must come from a variable, not be written here").isTrue();
            }
            variable.reset();
            while (variable.find()) {
                if (SECRET.matcher(variable.group(1)).matches()) {
                    assertThat(variable.group(2)).as(name + "." + key + ": ${" + variable.group(1) + "} must fail when unset")
                            .isIn(":?", "?");
                }
            }
        }));
    }

    @Test
    void theDevEnvFileIsClearlyNamedAndSetsEveryRequiredVariable() throws IOException {
        Properties dev = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve("compose.dev.env"))) {
            dev.load(reader);
        }
        Set<String> required = new TreeSet<>();
        Matcher variable = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (variable.find()) {
            if (":?".equals(variable.group(2)) || "?".equals(variable.group(2))) {
                required.add(variable.group(1));
            }
        }
        assertThat(required).contains("POSTGRES_PASSWORD", "AINSTRUCT_JWT_SECRET", "QDRANT_API_KEY");
        assertThat(dev.stringPropertyNames()).containsAll(required);
        assertThat(dev.values()).allSatisfy(value -> assertThat(String.valueOf(value)).startsWith("dev-only-"));
    }

    @Test
    void postgresKeepsItsDataInANamedVolume() {
        assertThat(map(compose.get("volumes"))).containsKey("postgres-data");
        assertThat(services.get("postgres").get("volumes")).asList().contains("postgres-data:/var/lib/postgresql");
    }

    @Test
    void theImageIsBuiltFromTheLocallyPackagedJar() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY --chown=ainstruct server/target/ainstruct.jar");
        assertThat(dockerfile).doesNotContainPattern("(?m)^RUN .*(curl|wget|mvn)");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("*", "!server/target/ainstruct.jar");
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new AssertionError("cannot read docker-compose.yml", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, V>) map : null;
    }
}
