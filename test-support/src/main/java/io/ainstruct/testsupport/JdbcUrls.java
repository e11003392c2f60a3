package io.ainstruct.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads and rewrites {@code jdbc:postgresql://host:port/database?key=value&...} URLs. */
final class JdbcUrls {
    private static final String PREFIX = "jdbc:postgresql://";

    private JdbcUrls() {
    }

    /** The same server and parameters, another database. */
    static String withDatabase(String jdbcUrl, String database) {
        requirePostgres(jdbcUrl);
        int pathStart = jdbcUrl.indexOf('/', PREFIX.length());
        int queryStart = jdbcUrl.indexOf('?', PREFIX.length());
        String server = pathStart >= 0 && (queryStart < 0 || pathStart < queryStart)
                ? jdbcUrl.substring(0, pathStart)
                : jdbcUrl.substring(0, queryStart < 0 ? jdbcUrl.length() : queryStart);
        return server + "/" + database + (queryStart < 0 ? "" : jdbcUrl.substring(queryStart));
    }

    /** The value of a query parameter, or null. */
    static String parameter(String jdbcUrl, String name) {
        return Arrays.stream(query(jdbcUrl).split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2 && pair[0].equals(name))
                .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
                .findFirst().orElse(null);
    }

    /** For printing: the URL with any password parameter masked. */
    static String withoutCredentials(String jdbcUrl) {
        int queryStart = jdbcUrl.indexOf('?');
        if (queryStart < 0) {
            return jdbcUrl;
        }
        String query = Arrays.stream(query(jdbcUrl).split("&"))
                .map(pair -> pair.startsWith("password=") ? "password=***" : pair)
                .collect(Collectors.joining("&"));
        return jdbcUrl.substring(0, queryStart + 1) + query;
    }

    private static String query(String jdbcUrl) {
        int queryStart = jdbcUrl.indexOf('?');
        return queryStart < 0 ? "" : jdbcUrl.substring(queryStart + 1);
    }

    private static void requirePostgres(String jdbcUrl) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + withoutCredentials(jdbcUrl));
        }
    }
}
