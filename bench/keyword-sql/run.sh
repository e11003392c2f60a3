#!/usr/bin/env bash
# Ranks a BEIR directory's queries against its corpus inside PostgreSQL, twice: ts_rank over OR-ed query terms, and
# BM25 over the same PostgreSQL lexemes (the formula of adapter-postgres's PostgresKeywordIndex, document
# frequencies from ts_stat). Prints nDCG@10, MRR@10 and Recall@100 of each. Needs psql and python3.
# Usage: bench/keyword-sql/run.sh <beir dir> [psql connection options]   (default: -h 127.0.0.1 -U postgres)
set -euo pipefail
DIR="$1"; shift || true
PSQL=(psql -q -v ON_ERROR_STOP=1 ${@:--h 127.0.0.1 -U postgres})
WORK=$(mktemp -d)
HERE="$(cd "$(dirname "$0")" && pwd)"
python3 - "$DIR" "$WORK" <<'PY'
import json, sys
d, w = sys.argv[1], sys.argv[2]
esc = lambda s: s.replace('\\', '\\\\').replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')
qrels = {}
for i, l in enumerate(open(f'{d}/qrels.tsv')):
    if i == 0: continue
    q, c, s = l.rstrip('\n').split('\t'); qrels.setdefault(q, {})[c] = int(s)
with open(f'{w}/docs.tsv', 'w') as o:
    for l in open(f'{d}/corpus.jsonl'):
        x = json.loads(l); o.write(f"{x['_id']}\t{esc(x.get('title', ''))}\t{esc(x['text'])}\n")
with open(f'{w}/queries.tsv', 'w') as o:
    for l in open(f'{d}/queries.jsonl'):
        x = json.loads(l)
        if x['_id'] in qrels: o.write(f"{x['_id']}\t{esc(x['text'])}\n")
json.dump(qrels, open(f'{w}/qrels.json', 'w'))
PY
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS keyword_bench" -c "CREATE DATABASE keyword_bench"
cd "$WORK"
"${PSQL[@]}" -d keyword_bench <<'SQL'
CREATE TABLE docs (id text PRIMARY KEY, title text, body text, sv tsvector, len int);
CREATE TABLE queries (id text, q text);
\copy docs (id, title, body) from 'docs.tsv'
\copy queries from 'queries.tsv'
UPDATE docs SET sv = setweight(to_tsvector('english', title), 'A') || to_tsvector('english', body);
UPDATE docs SET len = length(sv);
CREATE INDEX ON docs USING gin (sv);
CREATE TABLE df AS SELECT word AS term, ndoc AS df FROM ts_stat('SELECT sv FROM docs');
\pset format unaligned
\pset tuples_only on
\timing on
\o ts_rank.txt
SELECT q.id, r.id, r.s FROM queries q, LATERAL (
    SELECT id, ts_rank(sv, replace(plainto_tsquery('english', q.q)::text, ' & ', ' | ')::tsquery, 1) s FROM docs
    WHERE sv @@ replace(plainto_tsquery('english', q.q)::text, ' & ', ' | ')::tsquery ORDER BY s DESC LIMIT 100) r;
\o bm25.txt
WITH n AS (SELECT count(*)::float8 n, avg(len) avglen FROM docs),
qt AS (SELECT DISTINCT q.id qid, t.term FROM queries q, unnest(tsvector_to_array(to_tsvector('english', q.q))) t(term)),
tf AS (SELECT d.id did, u.lexeme term, cardinality(u.positions) + cardinality(array_positions(u.weights, 'A')) tf, d.len
       FROM docs d, unnest(d.sv) u),
s AS (SELECT qt.qid, tf.did, sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5)) * tf.tf * 2.2
             / (tf.tf + 1.2 * (0.25 + 0.75 * tf.len / n.avglen))) s
      FROM qt JOIN tf ON tf.term = qt.term JOIN df ON df.term = qt.term, n GROUP BY qt.qid, tf.did)
SELECT qid, did, s FROM (SELECT *, row_number() OVER (PARTITION BY qid ORDER BY s DESC) rk FROM s) x WHERE rk <= 100;
SQL
echo "ts_rank, OR of the query's terms: $(python3 "$HERE/ndcg.py" ts_rank.txt qrels.json)"
echo "BM25 over PostgreSQL lexemes:     $(python3 "$HERE/ndcg.py" bm25.txt qrels.json)"
