-- What `migrate` needs to import a legacy SQLite database safely.

-- Rows the import could not store (an orphan, an unparsable value, a value the contract forbids), never dropped:
-- kept here with the reason and the row as it was read (JSON text: jsonb cannot hold every legacy string).
CREATE TABLE migration_quarantine (
    id             bigserial   PRIMARY KEY,
    run_id         uuid        NOT NULL,
    table_name     text        NOT NULL,
    source_key     text        NOT NULL,
    raw_row        text        NOT NULL,
    reason         text        NOT NULL,
    quarantined_at timestamptz NOT NULL DEFAULT now(),
    -- A resumed run does not quarantine a row twice.
    CONSTRAINT migration_quarantine_table_name_source_key_key UNIQUE (table_name, source_key)
);

-- How far an import got, per table: committed with each batch, so a run interrupted at any point resumes after the
-- last committed batch with no duplicates. source_identity names the legacy file; another file does not resume here.
CREATE TABLE migration_progress (
    table_name      text        PRIMARY KEY,
    source_identity text        NOT NULL,
    committed_rows  bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Secondary indexes and foreign keys of a table being bulk-loaded are set aside and rebuilt once it is loaded (one
-- sort per index instead of one insertion per row). Their definitions wait here, committed before they are dropped,
-- so that a run killed mid-table still knows what to rebuild.
CREATE TABLE migration_deferred_definitions (
    table_name text    NOT NULL,
    ordinal    integer NOT NULL,
    name       text    NOT NULL,
    -- 'constraint': ALTER TABLE ... ADD CONSTRAINT name definition; 'index': definition is a CREATE INDEX statement.
    kind       text    NOT NULL CONSTRAINT migration_deferred_definitions_kind_check CHECK (kind IN ('constraint', 'index')),
    definition text    NOT NULL,
    PRIMARY KEY (table_name, ordinal)
);
