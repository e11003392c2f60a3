package io.ainstruct.adapter.rest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestServerProperties;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a server through a whole life (start with an administrator's password, registrations, logins good and bad,
 * refreshes, PATs and CATs created, used, rotated, revoked, forged tokens, malformed bodies, shutdown) while
 * capturing everything it logs, then looks for every secret of that life in the log.
 */
class SecretsNotLoggedTest {
    private static final String ADMIN_PASSWORD = "admin-pw-" + UUID.randomUUID();

    /** Every logging event, formatted with its logger, MDC and stack trace, whatever appenders the config has. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        private final StringBuffer text = new StringBuffer();

        @Override
        protected void append(ILoggingEvent event) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ")
                    .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    text.append(" | ").append(argument);
                }
            }
            if (event.getThrowableProxy() != null) {
                text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            text.append('\n');
        }
    }

    /** Copies what goes to a stream (console appenders, anything printed directly) while letting it through. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            copy.write(b);
            try {
                original.write(b);
            } catch (java.io.IOException ignored) {
                // the copy is what matters here
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            try {
                original.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // the copy is what matters here
            }
        }
    }

    @Test
    void noSecretOfARunAppearsInItsLog() {
        List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD, TestServerProperties.JWT_SECRET));
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Capture capture = new Capture();
        capture.setContext(logging);
        capture.start();
        root.addAppender(capture);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
        try {
            Map<String, Object> properties = new HashMap<>();
            properties.put("ainstruct.admin.username", "log-admin");
            properties.put("ainstruct.admin.email", "log-admin@example.org");
            properties.put("ainstruct.admin.password", ADMIN_PASSWORD);
            properties.put("ainstruct.activity-flush-interval", "100ms");
            // Our own code at its most talkative: a secret must not hide in a debug line either.
            properties.put("logger.levels.io.ainstruct", "TRACE");
            try (TestServer server = TestServer.start(properties)) {
                exercise(new Api(server.uri()), secrets);
                Thread.sleep(300); // let the activity flush run with token ids in hand
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.detachAppender(capture);
            capture.stop();
        }

        String log = capture.text + "\n" + console.toString(StandardCharsets.UTF_8);
        // The capture works: the server said something, including about the administrator it created.
        assertThat(log).contains("log-admin");
        assertThat(log).doesNotContain("pat_live_").doesNotContain("cat_live_");
        for (String secret : secrets) {
            assertThat(log).as("the log holds a secret").doesNotContain(secret);
        }
    }

    private static void exercise(Api api, List<String> secrets) {
        String password = "user-pw-" + UUID.randomUUID();
        String wrongPassword = "wrong-pw-" + UUID.randomUUID();
        secrets.add(password);
        secrets.add(wrongPassword);
        assertThat(api.post("/api/v1/auth/register", null,
                Map.of("username", "logged", "email", "logged@example.org", "password", password)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "logged", "password", wrongPassword)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "nobody-" + UUID.randomUUID(), "password", wrongPassword))
                .status()).isEqualTo(401);
        // A malformed body and an unknown field, both carrying a password.
        api.postRaw("/api/v1/auth/login", null, "{\"username\":\"logged\",\"password\":\"" + wrongPassword + "\"");
        api.post("/api/v1/auth/login", null, Map.of("username", "logged", "password", wrongPassword, "passwd", wrongPassword));
        api.post("/api/v1/auth/register", null, Map.of("username", "x", "email", "bad", "password", wrongPassword));

        var login = api.post("/api/v1/auth/login", null, Map.of("username", "logged", "password", password));
        String jwt = login.text("access_token");
        String refresh = login.text("refresh_token");
        keep(secrets, jwt, refresh);
        var refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", refresh));
        assertThat(refreshed.status()).isEqualTo(200);
        keep(secrets, refreshed.text("access_token"), refreshed.text("refresh_token"));
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", refresh)).status()).isEqualTo(401);
        var adminLogin = api.post("/api/v1/auth/login", null, Map.of("username", "log-admin", "password", ADMIN_PASSWORD));
        keep(secrets, adminLogin.text("access_token"), adminLogin.text("refresh_token"));

        // PATs: create, use, rotate, use the old and the new, revoke, use again.
        var pat = api.post("/api/v1/auth/pat", jwt, Map.of("label", "logged", "scopes", List.of("read", "write")));
        String patSecret = pat.text("token");
        keep(secrets, patSecret);
        assertThat(api.get("/api/v1/auth/profile", patSecret).status()).isEqualTo(200);
        var rotated = api.post("/api/v1/auth/pat/" + pat.text("pat_id") + "/rotate", jwt, "");
        keep(secrets, rotated.text("token"));
        assertThat(api.get("/api/v1/auth/profile", patSecret).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/profile", rotated.text("token")).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/pat/" + pat.text("pat_id"), jwt).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/profile", rotated.text("token")).status()).isEqualTo(401);

        // CATs likewise, plus a document stored and searched through one.
        String collection = api.defaultCollection(jwt);
        var cat = api.post("/api/v1/auth/cat", jwt, Map.of("label", "logged", "collection_id", collection, "permission", "read_write"));
        String catSecret = cat.text("token");
        keep(secrets, catSecret);
        assertThat(api.post("/api/v1/documents", catSecret, Map.of("collection_id", collection, "title", "t", "content", "logged content"))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/documents/search", catSecret, Map.of("query", "logged")).status()).isEqualTo(200);
        var rotatedCat = api.post("/api/v1/auth/cat/" + cat.text("cat_id") + "/rotate", jwt, "");
        keep(secrets, rotatedCat.text("token"));
        assertThat(api.get("/api/v1/documents", catSecret).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/cat/" + cat.text("cat_id") + "/delete", jwt, "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents", rotatedCat.text("token")).status()).isEqualTo(401);

        // Tokens nobody issued, on good and bad routes.
        String bogusPat = Forge.secret("pat_live_");
        String bogusCat = Forge.secret("cat_live_");
        keep(secrets, bogusPat, bogusCat);
        assertThat(api.get("/api/v1/auth/profile", bogusPat).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/documents", bogusCat).status()).isEqualTo(401);
        api.get("/api/v1/no-such-route", bogusPat);
        api.get("/api/v1/documents/not-a-uuid", bogusCat);
    }

    /** Keeps each secret whole and in its parts: a JWT's signature, a token without its prefix. */
    private static void keep(List<String> secrets, String... values) {
        for (String value : values) {
            assertThat(value).as("a secret the run should have received").isNotBlank();
            secrets.add(value);
            int dot = value.lastIndexOf('.');
            if (dot > 0 && dot < value.length() - 1) {
                secrets.add(value.substring(dot + 1));
            }
            for (String prefix : new String[]{"pat_live_", "cat_live_", "rt_"}) {
                if (value.startsWith(prefix)) {
                    secrets.add(value.substring(prefix.length()));
                }
            }
        }
    }
}
