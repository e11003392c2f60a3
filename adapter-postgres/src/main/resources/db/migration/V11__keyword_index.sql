-- Keyword search (BM25) over chunk text and document title, next to the vector index. PostgreSQL's text search
-- parser and dictionaries turn text into terms (stemmed, stop words dropped, identifiers and numbers kept); the
-- terms of each chunk are kept in an inverted index, one row per term and chunk, so that a query reads only the
-- postings of its own terms and BM25 can weigh each term by how rare it is (ts_rank cannot: it has no document
-- frequencies).

-- The text search configuration that makes terms; one row. The application sets it from its configuration at start
-- and rebuilds the postings when it changes.
CREATE TABLE keyword_settings (
    singleton boolean   PRIMARY KEY DEFAULT true CONSTRAINT keyword_settings_one_row CHECK (singleton),
    language  regconfig NOT NULL
);
INSERT INTO keyword_settings (language) VALUES ('english');

-- A chunk's terms and how often each occurs; a title occurrence counts twice, as titles name what a text is about.
CREATE FUNCTION keyword_terms(config regconfig, title text, body text)
    RETURNS TABLE (term text, frequency real) LANGUAGE sql STABLE AS $$
    SELECT lexeme, (cardinality(positions) + cardinality(array_positions(weights, 'A')))::real
    FROM unnest(setweight(to_tsvector(config, title), 'A') || to_tsvector(config, body))
$$;

CREATE TABLE keyword_postings (
    term          text    NOT NULL,
    -- Copied from the document, so that a search reads only the postings of the caller's collections.
    collection_id uuid    NOT NULL,
    chunk_id      uuid    NOT NULL REFERENCES chunks (id) ON DELETE CASCADE,
    frequency     real    NOT NULL,
    -- The chunk's length in tokens, for BM25's length normalisation.
    length        integer NOT NULL
);
-- Covers the whole search: a query's postings are read from the index alone.
CREATE UNIQUE INDEX keyword_postings_term_idx ON keyword_postings (term, collection_id, chunk_id) INCLUDE (frequency, length);
CREATE INDEX keyword_postings_chunk_id_idx ON keyword_postings (chunk_id);

CREATE FUNCTION keyword_postings_of_chunks(chunk_ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO keyword_postings (term, collection_id, chunk_id, frequency, length)
    SELECT t.term, d.collection_id, c.id, t.frequency, c.token_count
    FROM chunks c
    JOIN documents d ON d.id = c.document_id
    CROSS JOIN keyword_settings s
    CROSS JOIN LATERAL keyword_terms(s.language, d.title, c.content) t
    WHERE c.id = ANY (chunk_ids)
$$;

CREATE FUNCTION keyword_index_new_chunks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM keyword_postings_of_chunks(ARRAY(SELECT id FROM new_chunks));
    RETURN NULL;
END $$;
CREATE TRIGGER chunks_keyword_index AFTER INSERT ON chunks
    REFERENCING NEW TABLE AS new_chunks FOR EACH STATEMENT EXECUTE FUNCTION keyword_index_new_chunks();

-- A renamed document changes its chunks' title terms; a moved one, their collection.
CREATE FUNCTION keyword_index_changed_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM keyword_postings p USING chunks c WHERE c.id = p.chunk_id AND c.document_id = NEW.id;
    PERFORM keyword_postings_of_chunks(ARRAY(SELECT id FROM chunks WHERE document_id = NEW.id));
    RETURN NULL;
END $$;
CREATE TRIGGER documents_keyword_index AFTER UPDATE OF title, collection_id ON documents
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.collection_id IS DISTINCT FROM NEW.collection_id)
    EXECUTE FUNCTION keyword_index_changed_document();

SELECT keyword_postings_of_chunks(ARRAY(SELECT id FROM chunks));
