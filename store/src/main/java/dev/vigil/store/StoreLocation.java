package dev.vigil.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the store lives: the embedded database in a directory (default {@code ~/.vigil}), or a PostgreSQL
 * server. The password is kept apart from the URL and never printed: {@link #toString()} shows where, not how.
 *
 * @param jdbcUrl  the JDBC URL without credentials
 * @param user     the database user, or null
 * @param password the password, or null
 */
public record StoreLocation(String jdbcUrl, String user, String password) {

    /** The embedded database file {@code DIR/vigil} (H2), shared by the processes that open it (auto-server). */
    public static StoreLocation embedded(Path dir) {
        return new StoreLocation("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("vigil")
                + ";AUTO_SERVER=TRUE", null, null);
    }

    /**
     * {@code --database-url}: {@code postgresql://user:pass@host:port/db} (or {@code postgres://}), or a
     * {@code jdbc:} URL used as it is.
     */
    public static StoreLocation parse(String url) {
        if (url.startsWith("jdbc:")) {
            return new StoreLocation(url, null, null);
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException("--database-url: expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
                    + "or a jdbc: URL");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--database-url is not a valid URL (" + e.getReason()
                    + "); expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("--database-url needs a host and a database: "
                    + "postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return new StoreLocation(jdbc, user, password);
    }

    public Dialect dialect() {
        return Dialect.of(jdbcUrl);
    }

    /** Where the store is, for messages: host, port and database, or the file; never a password. */
    public String describe() {
        String shown = jdbcUrl.replaceFirst("^jdbc:", "").replaceAll("(?i)(password=)[^&;]*", "$1***");
        int options = shown.indexOf(';');
        return options > 0 ? shown.substring(0, options) : shown;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
