-- What the HTTP API and dashboard need: API keys, dashboard sessions, each failing check's fix, and the
-- failure trend read from the history by time.

-- An API key: only the SHA-256 of the key is kept (the key is 256 random bits, shown once at creation).
CREATE TABLE api_keys (
    id         VARCHAR(32)  NOT NULL PRIMARY KEY,
    name       VARCHAR(256) NOT NULL,
    key_hash   VARCHAR(64)  NOT NULL UNIQUE,
    read_only  BOOLEAN      NOT NULL,
    created    BIGINT       NOT NULL,
    last_used  BIGINT,
    revoked    BIGINT
);

-- A dashboard session opened with an API key: the SHA-256 of its cookie, and the token its forms carry.
CREATE TABLE sessions (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    key_id     VARCHAR(32)  NOT NULL REFERENCES api_keys (id),
    csrf_token VARCHAR(64)  NOT NULL,
    created    BIGINT       NOT NULL,
    expires    BIGINT       NOT NULL
);

-- The typed fix of a failing check (core's RemedyCodec text), so the fix can be shown as code later.
ALTER TABLE checks ADD COLUMN remedy VARCHAR(4000);

CREATE INDEX history_by_time ON check_history (at);
