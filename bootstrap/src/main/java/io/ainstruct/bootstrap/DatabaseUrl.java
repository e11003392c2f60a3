package io.ainstruct.bootstrap;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL location as users write it: a JDBC URL, or the {@code postgres://user:password@host:port/db} form that
 * hosting providers and docker-compose files put in {@code DATABASE_URL}.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> username, Optional<String> password) {

    public static DatabaseUrl parse(String text) {
        String url = text.trim();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, Optional.empty(), Optional.empty());
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql: (got '"
                    + url.replaceAll("//[^@/]*@", "//***@") + "')");
        }
        URI uri = URI.create(url);
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        return new DatabaseUrl("jdbc:postgresql://" + host + uri.getRawPath() + query, user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
