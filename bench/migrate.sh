#!/usr/bin/env bash
# The 100,000-document migration (without reindex, with validation) next to a plain COPY of the same documents
# and next to pgloader loading the same SQLite file, in the same run, on the same PostgreSQL; medians of RUNS runs;
# prints the ratios and MB/s.
#   bench/migrate.sh                          # PostgreSQL at 127.0.0.1:5432, user postgres (trust)
#   PGHOST=... PGPORT=... PGUSER=... DOCUMENTS=20000 RUNS=5 bench/migrate.sh
# Needs python3 (the fixture generator), psql and createdb/dropdb. SKIP_BUILD=1 reuses adapter-cli/target/ainstruct-cli.jar.
# pgloader is optional: without it its column is skipped. PGLOADER=0 skips it anyway; INSTALL_PGLOADER=1 lets this
# script run `apt-get install -y pgloader` (Debian's) when it is missing. Nothing else is ever installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DOCUMENTS=${DOCUMENTS:-100000}
RUNS=${RUNS:-3}
work=bench/target/migrate
mkdir -p "$work"
legacy="$work/legacy-$DOCUMENTS.sqlite"
copy_data="$work/documents-$DOCUMENTS.copy"
# The same file with every epoch-integer DATETIME rewritten as ISO text: pgloader loads nothing from the original.
legacy_iso="$work/legacy-$DOCUMENTS-iso-timestamps.sqlite"

pgloader_skipped=""
if [[ "${PGLOADER:-1}" == 0 ]]; then
    pgloader_skipped="PGLOADER=0"
elif ! command -v pgloader > /dev/null; then
    if [[ "${INSTALL_PGLOADER:-0}" == 1 ]]; then
        echo "[bench] INSTALL_PGLOADER=1: apt-get install -y pgloader"
        apt-get install -y pgloader
    else
        pgloader_skipped="pgloader is not installed (INSTALL_PGLOADER=1 installs Debian's)"
    fi
fi
[[ -n "$pgloader_skipped" ]] && echo "[bench] skipping pgloader: $pgloader_skipped"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "[bench] building: ./mvnw -B -q -Dmaven.test.skip=true -pl adapter-cli -am package"
    ./mvnw -B -q -Dmaven.test.skip=true -pl adapter-cli -am package
fi
# The jar the runs use is a copy, so that a build during the benchmark cannot change it under a run.
cp adapter-cli/target/ainstruct-cli.jar "$work/ainstruct-cli.jar"
if [[ ! -f "$legacy" ]]; then
    echo "[bench] generating $legacy (cached for later runs)"
    python3 scripts/make_legacy_sqlite.py "$legacy" --documents "$DOCUMENTS"
fi
if [[ ! -f "$copy_data" ]]; then
    # The documents exactly as the legacy file holds them, in COPY text format, for the baseline (not timed).
    python3 - "$legacy" "$copy_data" <<'PY'
import sqlite3, sys
def field(v):
    if v is None:
        return '\\N'
    return str(v).replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r').replace('\t', '\\t')
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    for row in sqlite3.connect(sys.argv[1]).execute('SELECT id, collection_id, title, content, content_hash, document_type, '
            'created_at, updated_at, doc_metadata FROM documents ORDER BY rowid'):
        out.write('\t'.join(field(v) for v in row) + '\n')
PY
fi
if [[ -z "$pgloader_skipped" && ! -f "$legacy_iso" ]]; then
    python3 - "$legacy" "$legacy_iso" <<'PY'
import shutil, sqlite3, sys
shutil.copyfile(sys.argv[1], sys.argv[2])
db = sqlite3.connect(sys.argv[2])
for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
    for _, column, kind, *_ in db.execute(f'PRAGMA table_info("{table}")').fetchall():
        if kind.upper() == 'DATETIME':
            db.execute(f'UPDATE "{table}" SET "{column}" = datetime("{column}", \'unixepoch\') '
                       f'WHERE typeof("{column}") = \'integer\'')
db.commit()
PY
fi
megabytes=$(python3 -c "import os,sys; print('%.1f' % (os.path.getsize(sys.argv[1]) / 1e6))" "$copy_data")

now() { date +%s.%N; }
fresh() { local name="bench_migrate_$(date +%s%N)"; createdb -T template0 -E UTF8 "$name"; echo "$name"; }
# pgloader loads the whole file as it does by default (schema, data, indexes, foreign keys), timed by the wall
# clock including its start-up. With its default batches it exhausts its heap on these documents (1 GB, and 4 GB
# too: it holds 100,000 prefetched rows) and exits 1 having loaded nothing; smaller batches and a larger heap let it
# finish. Sets pgloader_seconds, pgloader_rc and pgloader_rows (rows in documents afterwards).
pgloader_options=(--dynamic-space-size 4096 --with "prefetch rows = 2000" --with "batch rows = 1000")
pgloader_run() {
    local file=$1 log=$2 db start end
    db=$(fresh)
    pgloader_rc=0
    start=$(now)
    pgloader "${pgloader_options[@]}" "sqlite://$(realpath "$file")" "pgsql://$PGUSER@$PGHOST:$PGPORT/$db" > "$log" 2>&1 \
        || pgloader_rc=$?
    end=$(now)
    pgloader_seconds=$(echo "$end - $start" | bc -l)
    pgloader_rows=$(psql -At -d "$db" -c "SELECT count(*) FROM documents" 2>/dev/null || echo "no table")
    dropdb "$db"
}

copy_times=()
schema_copy_times=()
migrate_times=()
migrate_wall_times=()
pgloader_times=()
ratios=()
schema_ratios=()
pgloader_ratios=()
pgloader_wall_ratios=()
for run in $(seq 1 "$RUNS"); do
    db=$(fresh)
    # Baseline: a plain COPY of the same documents into a table of text columns with its primary key.
    psql -q -d "$db" -c "CREATE TABLE documents (id text PRIMARY KEY, collection_id text, title text, content text,
        content_hash text, document_type text, created_at text, updated_at text, doc_metadata text)"
    start=$(now)
    psql -q -d "$db" -c "\\copy documents FROM '$copy_data'"
    end=$(now)
    copy_times+=("$(echo "$end - $start" | bc -l)")
    dropdb "$db"

    db=$(fresh)
    log="$work/migrate-run-$run.log"
    start=$(now)
    java -jar "$work/ainstruct-cli.jar" migrate --from "$legacy" \
        --to "jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER" --skip-reindex --accept-quarantine > "$log" 2>&1 \
        || { echo "[bench] migrate failed, see $log" >&2; tail -30 "$log" >&2; exit 1; }
    grep -q "Validation: every table's count and checksum match the source." "$log" \
        || { echo "[bench] validation did not pass, see $log" >&2; exit 1; }
    end=$(now)
    migrate_times+=("$(sed -n 's/^Loaded and validated in \([0-9.]*\) s$/\1/p' "$log")")
    migrate_wall_times+=("$(echo "$end - $start" | bc -l)")
    # Second baseline: the migrated documents, already clean, copied back into the same table with all its
    # constraints and indexes (what migrate loads into), right after it.
    psql -q -d "$db" -c "\\copy documents (id, collection_id, title, content, content_hash, document_type, metadata, created_at, updated_at) TO '$work/clean.copy'"
    psql -q -d "$db" -c "TRUNCATE documents CASCADE" 2>/dev/null
    start=$(now)
    psql -q -d "$db" -c "\\copy documents (id, collection_id, title, content, content_hash, document_type, metadata, created_at, updated_at) FROM '$work/clean.copy'"
    end=$(now)
    schema_copy_times+=("$(echo "$end - $start" | bc -l)")
    rm -f "$work/clean.copy"
    dropdb "$db"
    ratios+=("$(echo "${copy_times[-1]} / ${migrate_times[-1]}" | bc -l)")
    schema_ratios+=("$(echo "${schema_copy_times[-1]} / ${migrate_times[-1]}" | bc -l)")
    printf '[bench] run %d: COPY (text table) %.2f s, migrate %.2f s (%.2f s with JVM start), COPY (target table) %.2f s; load %s\n' \
        "$run" "${copy_times[-1]}" "${migrate_times[-1]}" "${migrate_wall_times[-1]}" "${schema_copy_times[-1]}" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"

    if [[ -z "$pgloader_skipped" ]]; then
        pgloader_run "$legacy" "$work/pgloader-run-$run.log"
        printf '[bench] run %d: pgloader, generator'"'"'s file: %.2f s, exit code %d, %s rows in documents\n' \
            "$run" "$pgloader_seconds" "$pgloader_rc" "$pgloader_rows"
        pgloader_run "$legacy_iso" "$work/pgloader-iso-run-$run.log"
        # A run that did not load every document has no throughput to compare.
        if [[ "$pgloader_rows" == "$DOCUMENTS" ]]; then
            pgloader_times+=("$pgloader_seconds")
            pgloader_ratios+=("$(echo "$pgloader_seconds / ${migrate_times[-1]}" | bc -l)")
            pgloader_wall_ratios+=("$(echo "$pgloader_seconds / ${migrate_wall_times[-1]}" | bc -l)")
        fi
        printf '[bench] run %d: pgloader, ISO-timestamp file: %.2f s, exit code %d, %s rows in documents; load %s\n' \
            "$run" "$pgloader_seconds" "$pgloader_rc" "$pgloader_rows" "$(cut -d' ' -f1-3 /proc/loadavg)"
    fi
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
copy_median=$(median "${copy_times[@]}")
schema_copy_median=$(median "${schema_copy_times[@]}")
migrate_median=$(median "${migrate_times[@]}")
printf '[bench] %s documents, %s MB of document rows (COPY text)\n' "$DOCUMENTS" "$megabytes"
printf '[bench] plain COPY into a text table      median %.2f s  %.1f MB/s\n' "$copy_median" "$(echo "$megabytes / $copy_median" | bc -l)"
printf '[bench] plain COPY into the target table  median %.2f s  %.1f MB/s\n' "$schema_copy_median" "$(echo "$megabytes / $schema_copy_median" | bc -l)"
printf '[bench] migrate (6 tables, validated)     median %.2f s  %.1f MB/s (%.2f s with JVM start)\n' "$migrate_median" \
    "$(echo "$megabytes / $migrate_median" | bc -l)" "$(median "${migrate_wall_times[@]}")"
if [[ -z "$pgloader_skipped" && ${#pgloader_times[@]} -gt 0 ]]; then
    pgloader_median=$(median "${pgloader_times[@]}")
    printf '[bench] pgloader (ISO-timestamp file)     median %.2f s  %.1f MB/s (of the %d runs that loaded every document)\n' \
        "$pgloader_median" "$(echo "$megabytes / $pgloader_median" | bc -l)" "${#pgloader_times[@]}"
fi
printf '[bench] throughput ratio migrate/COPY, median of the runs'"'"' ratios: %.2f against the text table, %.2f against the target table (target >= 0.70)\n' \
    "$(median "${ratios[@]}")" "$(median "${schema_ratios[@]}")"
if [[ -z "$pgloader_skipped" && ${#pgloader_times[@]} -eq 0 ]]; then
    echo "[bench] pgloader loaded every document in no run: no ratio"
elif [[ -z "$pgloader_skipped" ]]; then
    printf '[bench] throughput ratio migrate/pgloader, median of the runs'"'"' ratios: %.2f, or %.2f counting the JVM'"'"'s start (above 1: migrate is faster)\n' \
        "$(median "${pgloader_ratios[@]}")" "$(median "${pgloader_wall_ratios[@]}")"
else
    echo "[bench] pgloader skipped: $pgloader_skipped"
fi
printf '[bench] machine: %s cores, %s; load: %s\n' "$(nproc)" "$(psql -At -d postgres -c 'SHOW server_version')" "$(uptime | sed 's/.*load average: //')"
