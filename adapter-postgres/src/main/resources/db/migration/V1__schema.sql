-- The whole schema of the product contract (SPEC §1) plus the tables the service needs to run:
-- refresh tokens, the indexing outbox and the record of the embedding model.
-- Constraint and index names are spelled out: the adapter maps unique violations to error codes by name.

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    username      text        NOT NULL CONSTRAINT users_username_length CHECK (char_length(username) BETWEEN 3 AND 100),
    password_hash text        NOT NULL,
    is_active     boolean     NOT NULL DEFAULT true,
    is_superuser  boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
-- Unique case-insensitively, as logins are matched. The username index is created first so that a
-- registration taking both a used username and a used e-mail reports USERNAME_EXISTS, as the Python service does.
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE collections (
    id         uuid         PRIMARY KEY,
    user_id    uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       varchar(100) NOT NULL CONSTRAINT collections_name_length CHECK (char_length(name) >= 1),
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    -- Also serves the foreign key on user_id: its leading column.
    CONSTRAINT collections_user_id_name_key UNIQUE (user_id, name)
);

CREATE TABLE documents (
    id            uuid         PRIMARY KEY,
    collection_id uuid         NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    title         varchar(500) NOT NULL,
    content       text         NOT NULL,
    -- SHA-256 hex of the content: a document's identity within its collection.
    content_hash  char(64)     NOT NULL,
    document_type text         NOT NULL DEFAULT 'markdown'
        CONSTRAINT documents_document_type_check
            CHECK (document_type IN ('markdown', 'text', 'html', 'json', 'pdf', 'docx')),
    metadata      jsonb        NOT NULL DEFAULT '{}'
        CONSTRAINT documents_metadata_is_object CHECK (jsonb_typeof(metadata) = 'object'),
    -- Derived from the chunks; kept here so that listings need not read them.
    chunk_count   integer      NOT NULL DEFAULT 0,
    token_count   integer      NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    -- Storing the same content twice in a collection returns the first document; this makes that race-safe.
    CONSTRAINT documents_collection_id_content_hash_key UNIQUE (collection_id, content_hash)
);
-- Listing pages newest first; also serves the foreign key on collection_id.
CREATE INDEX documents_collection_id_created_at_idx ON documents (collection_id, created_at DESC, id);

CREATE TABLE chunks (
    id          uuid    PRIMARY KEY,
    document_id uuid    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    chunk_index integer NOT NULL,
    content     text    NOT NULL,
    token_count integer NOT NULL,
    -- Kept here so that any vector index can be rebuilt from PostgreSQL alone.
    embedding   real[]  NOT NULL,
    -- Also serves the foreign key on document_id.
    CONSTRAINT chunks_document_id_chunk_index_key UNIQUE (document_id, chunk_index)
);

CREATE TABLE pat_tokens (
    id           uuid         PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label        varchar(100) NOT NULL,
    -- SHA-256 hex of the secret, which is never stored; tokens are looked up by it.
    token_hash   char(64)     NOT NULL CONSTRAINT pat_tokens_token_hash_key UNIQUE,
    scopes       text[]       NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    is_active    boolean      NOT NULL DEFAULT true,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX pat_tokens_user_id_idx ON pat_tokens (user_id);

CREATE TABLE cats (
    id            uuid         PRIMARY KEY,
    collection_id uuid         NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    created_by    uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label         varchar(100) NOT NULL,
    token_hash    char(64)     NOT NULL CONSTRAINT cats_token_hash_key UNIQUE,
    permission    text         NOT NULL CONSTRAINT cats_permission_check CHECK (permission IN ('read', 'read_write')),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    is_active     boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX cats_collection_id_idx ON cats (collection_id);
CREATE INDEX cats_created_by_idx ON cats (created_by);

CREATE TABLE usage_records (
    user_id       uuid    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    year_month    char(7) NOT NULL CONSTRAINT usage_records_year_month_format CHECK (year_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    source        text    NOT NULL CONSTRAINT usage_records_source_check CHECK (source IN ('rest', 'mcp')),
    request_count bigint  NOT NULL DEFAULT 0 CONSTRAINT usage_records_request_count_check CHECK (request_count >= 0),
    PRIMARY KEY (user_id, year_month, source)
);

CREATE TABLE refresh_tokens (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash char(64)    NOT NULL CONSTRAINT refresh_tokens_token_hash_key UNIQUE,
    expires_at timestamptz NOT NULL,
    -- Set once, by the refresh that consumed the token: a token is good for one refresh only.
    used_at    timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);

-- Changes the vector index has yet to apply, written in the transaction of the change itself so that none is
-- lost while the vector engine is down. No foreign key on subject: the event must outlive a deleted document.
CREATE TABLE indexing_outbox (
    id           bigserial   PRIMARY KEY,
    kind         text        NOT NULL CONSTRAINT indexing_outbox_kind_check CHECK (kind IN ('SYNC_DOCUMENT', 'DROP_COLLECTION')),
    subject      uuid        NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    -- A failed event waits until then before it is tried again.
    available_at timestamptz NOT NULL DEFAULT now(),
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
-- Claims take the due events oldest first.
CREATE INDEX indexing_outbox_available_at_id_idx ON indexing_outbox (available_at, id);

-- The embedding model that made the stored vectors, so that vectors of two models are never mixed.
-- One row at most: the primary key can only be true.
CREATE TABLE embedding_model (
    singleton   boolean     PRIMARY KEY DEFAULT true CONSTRAINT embedding_model_singleton CHECK (singleton),
    model_key   text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
