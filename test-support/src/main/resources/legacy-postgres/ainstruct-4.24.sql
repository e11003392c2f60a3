-- The Python ainstruct service's PostgreSQL schema at its Alembic head (revision remove_token_is_active, release
-- 4.24.0), written from its migrations (migrations/versions/*.py) and models (packages/shared/src/shared/db/models.py):
-- 339e4a4a595a created users, documents and api_keys; add_collections_refactor added collections and moved documents
-- and keys onto them; fix_missing_columns added pat_tokens; 001_rename_api_keys_to_cats renamed api_keys;
-- e0bfb8ff04f0 renamed its indexes; fix_qdrant_point_ids_array turned qdrant_point_id into a varchar[];
-- add_usage_records added usage_records; remove_token_is_active dropped is_active from cats and pat_tokens.
-- DateTime columns are SQLAlchemy's naive `timestamp without time zone` (the service wrote datetime.utcnow()).
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version VALUES ('remove_token_is_active');

CREATE TABLE users (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    username VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    is_active BOOLEAN NOT NULL,
    is_superuser BOOLEAN NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE UNIQUE INDEX ix_users_username ON users (username);

CREATE TABLE collections (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    qdrant_collection VARCHAR(100) NOT NULL,
    user_id VARCHAR(36) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_collections_user_id ON collections (user_id);

CREATE TABLE documents (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    title VARCHAR(500) NOT NULL,
    content TEXT NOT NULL,
    content_hash VARCHAR(64) NOT NULL,
    document_type VARCHAR(20) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    doc_metadata JSON NOT NULL,
    collection_id VARCHAR(36) NOT NULL,
    qdrant_point_ids VARCHAR[],
    CONSTRAINT fk_documents_collection FOREIGN KEY (collection_id) REFERENCES collections (id)
);
CREATE INDEX ix_documents_content_hash ON documents (content_hash);
CREATE INDEX ix_documents_collection_id ON documents (collection_id);

CREATE TABLE cats (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    key_hash VARCHAR(64) NOT NULL,
    label VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    last_used TIMESTAMP WITHOUT TIME ZONE,
    user_id VARCHAR(36),
    collection_id VARCHAR(36) NOT NULL,
    permission VARCHAR(20) NOT NULL,
    expires_at TIMESTAMP WITHOUT TIME ZONE,
    CONSTRAINT api_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_api_keys_collection FOREIGN KEY (collection_id) REFERENCES collections (id)
);
CREATE INDEX ix_cats_collection_id ON cats (collection_id);
CREATE UNIQUE INDEX ix_cats_key_hash ON cats (key_hash);
CREATE INDEX ix_cats_user_id ON cats (user_id);

CREATE TABLE pat_tokens (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    label VARCHAR(100) NOT NULL,
    user_id VARCHAR(36) NOT NULL,
    scopes VARCHAR(100) NOT NULL,
    expires_at TIMESTAMP WITHOUT TIME ZONE,
    last_used TIMESTAMP WITHOUT TIME ZONE,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ix_pat_tokens_token_hash ON pat_tokens (token_hash);
CREATE INDEX ix_pat_tokens_user_id ON pat_tokens (user_id);

CREATE TABLE usage_records (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    user_id VARCHAR(36) NOT NULL,
    year_month VARCHAR(7) NOT NULL,
    source VARCHAR(10) NOT NULL,
    request_count INTEGER DEFAULT '0' NOT NULL,
    updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
    CONSTRAINT usage_records_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT uq_user_month_source UNIQUE (user_id, year_month, source)
);
CREATE INDEX ix_usage_records_user_id ON usage_records (user_id);
