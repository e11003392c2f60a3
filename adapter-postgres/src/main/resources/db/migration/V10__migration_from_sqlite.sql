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
