package dev.vigil.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys and the dashboard sessions opened with them. A key is {@code vigil_} and 256 random bits; the store keeps
 * only its SHA-256, which is enough because the key is not a password: a random 256-bit value cannot be guessed or
 * looked up in a dictionary, so a slow, salted hash (bcrypt, Argon2) would add only CPU to every request. A
 * stolen table yields no key. The key is shown once, when it is created; a revoked key and its sessions stop
 * working at once.
 */
public final class ApiKeys {

    private static final String PREFIX = "vigil_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How stale {@code last_used} may get before a request writes it again (one write a minute at most). */
    private static final long LAST_USED_GRAIN = 60_000;

    private final Store store;

    ApiKeys(Store store) {
        this.store = store;
    }

    /** A key as listings show it: never the key itself. */
    public record ApiKey(String id, String name, boolean readOnly, Instant created, Instant lastUsed, Instant revoked) {

        public boolean active() {
            return revoked == null;
        }
    }

    /** A new key and its secret, which is shown this once and never kept. */
    public record Created(ApiKey key, String secret) {
    }

    /** A dashboard session: whose key, and the token every form of the session must carry. */
    public record Session(ApiKey key, String csrfToken, Instant expires) {
    }

    /**
     * Creates a key; names are unique among active keys.
     *
     * @throws IllegalArgumentException the name is blank or an active key has it
     */
    public Created create(String name, boolean readOnly) {
        if (name == null || name.isBlank() || name.length() > 256) {
            throw new IllegalArgumentException("a key needs a name (at most 256 characters) saying whose it is");
        }
        String secret = PREFIX + token(32);
        String id = "key-" + HexFormat.of().formatHex(bytes(6));
        long now = store.now();
        store.transaction(c -> {
            if (find(c, "name = ? AND revoked IS NULL", name.strip()).isPresent()) {
                throw new IllegalArgumentException("an active key is already named '" + name.strip()
                        + "'; revoke it or choose another name");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO api_keys (id, name, key_hash, read_only, created) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, name.strip());
                s.setString(3, sha256(secret));
                s.setBoolean(4, readOnly);
                s.setLong(5, now);
                s.executeUpdate();
            }
            return null;
        });
        return new Created(new ApiKey(id, name.strip(), readOnly, Instant.ofEpochMilli(now), null, null), secret);
    }

    /** Every key, active and revoked, oldest first. */
    public List<ApiKey> list() {
        return store.read(c -> {
            List<ApiKey> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM api_keys ORDER BY created, id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
            return out;
        });
    }

    /**
     * Revokes the active key with this ID or name.
     *
     * @throws IllegalArgumentException no active key has that ID or name
     */
    public ApiKey revoke(String idOrName) {
        return store.transaction(c -> {
            ApiKey key = find(c, "(id = ? OR name = ?) AND revoked IS NULL", idOrName, idOrName)
                    .orElseThrow(() -> new IllegalArgumentException("no active API key has the ID or name '" + idOrName
                            + "' (see 'vigil api-key list')"));
            try (PreparedStatement s = c.prepareStatement("UPDATE api_keys SET revoked = ? WHERE id = ?");
                 PreparedStatement sessions = c.prepareStatement("DELETE FROM sessions WHERE key_id = ?")) {
                s.setLong(1, store.now());
                s.setString(2, key.id());
                s.executeUpdate();
                sessions.setString(1, key.id());
                sessions.executeUpdate();
            }
            return find(c, "id = ?", key.id()).orElseThrow();
        });
    }

    /** The active key whose secret this is. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiKey> key = store.read(c -> find(c, "key_hash = ? AND revoked IS NULL", sha256(secret)));
        key.ifPresent(this::touch);
        return key;
    }

    /** Opens a dashboard session for an active key; returns the session cookie's value, shown only to its browser. */
    public String openSession(ApiKey key, java.time.Duration lifetime) {
        String token = token(32);
        long now = store.now();
        store.transaction(c -> {
            try (PreparedStatement expired = c.prepareStatement("DELETE FROM sessions WHERE expires <= ?");
                 PreparedStatement s = c.prepareStatement("INSERT INTO sessions (token_hash, key_id, csrf_token, "
                         + "created, expires) VALUES (?, ?, ?, ?, ?)")) {
                expired.setLong(1, now);
                expired.executeUpdate();
                s.setString(1, sha256(token));
                s.setString(2, key.id());
                s.setString(3, token(24));
                s.setLong(4, now);
                s.setLong(5, now + lifetime.toMillis());
                s.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** The session of this cookie value, while it has not expired and its key is active. */
    public Optional<Session> session(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Session> session = store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT k.*, s.csrf_token, s.expires FROM sessions s "
                    + "JOIN api_keys k ON k.id = s.key_id WHERE s.token_hash = ? AND s.expires > ? AND k.revoked IS NULL")) {
                s.setString(1, sha256(token));
                s.setLong(2, store.now());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Session(read(r), r.getString("csrf_token"),
                            Sql.instant(r, "expires"))) : Optional.<Session>empty();
                }
            }
        });
        session.ifPresent(s -> touch(s.key()));
        return session;
    }

    /** Ends a session (signing out). */
    public void closeSession(String token) {
        store.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
                s.setString(1, sha256(token));
                s.executeUpdate();
            }
            return null;
        });
    }

    private void touch(ApiKey key) {
        long now = store.now();
        if (key.lastUsed() != null && now - key.lastUsed().toEpochMilli() < LAST_USED_GRAIN) {
            return;
        }
        store.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE api_keys SET last_used = ? WHERE id = ?")) {
                s.setLong(1, now);
                s.setString(2, key.id());
                s.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<ApiKey> find(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM api_keys WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static ApiKey read(ResultSet r) throws SQLException {
        return new ApiKey(r.getString("id"), r.getString("name"), r.getBoolean("read_only"), Sql.instant(r, "created"),
                Sql.instant(r, "last_used"), Sql.instant(r, "revoked"));
    }

    private static String token(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
