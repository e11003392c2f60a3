-- Every change to the stored vectors, so that each process's in-process vector index can follow PostgreSQL even
-- when another process made the change (the outbox event is consumed by one process only). Written in the
-- transaction of the change itself, next to its outbox event; pruned after an hour.
CREATE TABLE vector_changes (
    seq           bigserial   PRIMARY KEY,
    -- The document to read again, or the collection whose points all go.
    document_id   uuid,
    collection_id uuid,
    -- The writing transaction. Sequence values are drawn in one order and committed in another, so a reader cannot
    -- trust "every seq up to the highest I saw": it remembers the snapshot it last read with and asks for the rows
    -- of the transactions that snapshot could not see (pg_snapshot_xmax, pg_snapshot_xip).
    txid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vector_changes_one_subject CHECK ((document_id IS NULL) <> (collection_id IS NULL))
);
-- A reader's check before each search: the newest transaction, and the transactions its last snapshot saw running.
CREATE INDEX vector_changes_txid_idx ON vector_changes (txid);
-- Pruning, oldest first.
CREATE INDEX vector_changes_changed_at_idx ON vector_changes (changed_at);
-- Whether a document (or collection) written by the relay has changes on record: then it is read again.
CREATE INDEX vector_changes_subject_idx ON vector_changes ((coalesce(document_id, collection_id)));

-- How far pruning went: every row with seq above through_seq is still there. A reader whose last seen seq is below
-- it may have missed pruned rows, and reloads. One row, always.
CREATE TABLE vector_changes_pruned (
    singleton   boolean PRIMARY KEY DEFAULT true CONSTRAINT vector_changes_pruned_singleton CHECK (singleton),
    through_seq bigint  NOT NULL
);
INSERT INTO vector_changes_pruned (through_seq) VALUES (0);
