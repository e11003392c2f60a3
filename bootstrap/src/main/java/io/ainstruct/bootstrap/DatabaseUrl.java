package io.ainstruct.bootstrap;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PostgreSQL location as users write it: a JDBC URL, or the {@code postgres://user:password@host:port/db} form that
 * hosting providers and docker-compose files put in {@code DATABASE_URL}, also with SQLAlchemy's driver suffix
 * ({@code postgresql+asyncpg://}, {@code postgresql+psycopg://}) as the Python service's users have it.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> username, Optional<String> password) {

    private static final Pattern SQLALCHEMY_DRIVER = Pattern.compile("^postgresql\\+[a-z0-9]+://");
    /** asyncpg names libpq's sslmode {@code ssl}; the JDBC driver's own {@code ssl} is a mere on/off. */
    private static final Pattern ASYNCPG_SSL = Pattern.compile("(^|&)ssl=(disable|allow|prefer|require|verify-ca|verify-full)(?=&|$)");

    /** Whether {@code text} is a PostgreSQL location in one of the forms {@link #parse} reads. */
    public static boolean isPostgres(String text) {
        String url = text.trim();
        return url.startsWith("jdbc:postgresql:") || url.startsWith("postgres://") || url.startsWith("postgresql://")
                || SQLALCHEMY_DRIVER.matcher(url).find();
    }

    public static DatabaseUrl parse(String text) {
        String url = text.trim();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, Optional.empty(), Optional.empty());
        }
        if (!isPostgres(url)) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgres://, postgresql://, postgresql+<driver>:// "
                    + "or jdbc:postgresql: (got '" + url.replaceAll("//[^@/]*@", "//***@") + "')");
        }
        URI uri = URI.create(SQLALCHEMY_DRIVER.matcher(url).replaceFirst("postgresql://"));
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + ASYNCPG_SSL.matcher(uri.getRawQuery()).replaceAll("$1sslmode=$2");
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
