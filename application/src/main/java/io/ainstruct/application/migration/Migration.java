package io.ainstruct.application.migration;

import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.migration.Fingerprints;
import io.ainstruct.domain.migration.ImportedDocument;
import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;
import io.ainstruct.domain.migration.TableFingerprint;
import io.ainstruct.domain.port.LegacySource;
import io.ainstruct.domain.port.MigrationTarget;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.User;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Imports a legacy database: every table in load order, every row coerced by the source and checked against the
 * rules across tables, loaded in batches of one transaction each that also record how far the table got. Rows that
 * cannot be stored go to quarantine with their reason. Afterwards every table's fingerprint in the target is compared
 * with the fingerprint of the accepted source rows.
 *
 * <p>Reading and writing overlap: while one batch is loaded on a second thread, the next is read and coerced; and a
 * finished table is validated on a third while the next tables load.
 *
 * <p>An interrupted run resumes: the source is read again from the start (the rules across tables need every
 * accepted row), and the rows an earlier run committed are skipped instead of written again.
 */
public final class Migration {
    /** A batch also ends at this many bytes, so that a table of large documents cannot fill the heap. */
    static final long MAX_BATCH_BYTES = 64L << 20;
    private final MigrationTarget target;

    public Migration(MigrationTarget target) {
        this.target = target;
    }

    /** Reads everything and reports what a run into an empty database would do; needs no database at all. */
    public static MigrationReport dryRun(LegacySource source, int batchSize, MigrationProgress progress) {
        return new Migration(null).run(source, new MigrationOptions(batchSize, true), progress);
    }

    public MigrationReport run(LegacySource source, MigrationOptions options, MigrationProgress progress) {
        String runId = UUID.randomUUID().toString();
        CrossTableRules rules = new CrossTableRules();
        List<MigrationReport.Quarantined> quarantine = new ArrayList<>();
        List<TableRun> runs = new ArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("migration-writer"));
        // A table is validated as soon as it is complete, while the next ones load: later tables never change it.
        ExecutorService validator = Executors.newSingleThreadExecutor(daemon("migration-validator"));
        Map<LegacyTable, Future<TableFingerprint>> inTarget = new EnumMap<>(LegacyTable.class);
        try {
            for (LegacyTable table : LegacyTable.values()) {
                TableRun run = new TableRun(source, table, runId, options, writer);
                progress.tableStarted(table, source.count(table));
                if (!options.dryRun()) {
                    target.startBulkLoad(table);
                }
                source.read(table, row -> run.take(rules.check(row), progress));
                run.finish(progress);
                if (!options.dryRun()) {
                    target.finishBulkLoad(table);
                    inTarget.put(table, validator.submit(() -> target.fingerprint(table)));
                }
                progress.tableFinished(table);
                quarantine.addAll(run.rejected.stream().map(r -> new MigrationReport.Quarantined(table, r)).toList());
                runs.add(run);
            }
            if (!options.dryRun()) {
                progress.step("validating: counts and checksums of every table");
            }
            List<TableReport> reports = runs.stream().map(run -> run.report(options.dryRun()
                    ? Optional.empty() : Optional.of(await(inTarget.get(run.table), "validating " + run.table.targetName()))))
                    .toList();
            return new MigrationReport(runId, options.dryRun(), reports, quarantine);
        } finally {
            writer.shutdownNow();
            validator.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The result of work done on another thread, its failure rethrown here. */
    private static <T> T await(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    private final class TableRun {
        private final LegacySource source;
        private final LegacyTable table;
        private final String runId;
        private final MigrationOptions options;
        private final ExecutorService writer;
        private final long committedBefore;
        private final Map<String, Long> coercions = new TreeMap<>();
        private final List<SourceRow.Rejected> rejected = new ArrayList<>();
        private TableFingerprint fingerprint = TableFingerprint.EMPTY;
        private List<Object> batch = new ArrayList<>();
        private List<SourceRow.Rejected> batchRejected = new ArrayList<>();
        private Future<?> pending;
        private long position;
        private long batchBytes;
        private long accepted;
        private long bytes;
        private long bytesSinceReport;
        private long rowsSinceReport;

        TableRun(LegacySource source, LegacyTable table, String runId, MigrationOptions options, ExecutorService writer) {
            this.source = source;
            this.table = table;
            this.runId = runId;
            this.options = options;
            this.writer = writer;
            this.committedBefore = options.dryRun() ? 0 : target.committedRows(source.identity(), table);
        }

        void take(SourceRow row, MigrationProgress progress) {
            position++;
            bytes += row.bytes();
            boolean committed = position <= committedBefore;
            if (row instanceof SourceRow.Accepted ok) {
                accepted++;
                ok.coercions().forEach(rule -> coercions.merge(rule, 1L, Long::sum));
                fingerprint = fingerprint.plus(fingerprintOf(ok.entity()));
                if (!committed) {
                    batch.add(ok.entity());
                }
            } else {
                SourceRow.Rejected bad = (SourceRow.Rejected) row;
                rejected.add(bad);
                if (!committed) {
                    batchRejected.add(bad);
                }
            }
            report(progress, row.bytes());
            if (!committed) {
                batchBytes += row.bytes();
            }
            if (batch.size() + batchRejected.size() >= options.batchSize() || batchBytes >= MAX_BATCH_BYTES) {
                flush();
            }
        }

        private void report(MigrationProgress progress, long rowBytes) {
            rowsSinceReport++;
            bytesSinceReport += rowBytes;
            if (rowsSinceReport >= 256) {
                progress.advanced(table, rowsSinceReport, bytesSinceReport);
                rowsSinceReport = 0;
                bytesSinceReport = 0;
            }
        }

        void finish(MigrationProgress progress) {
            flush();
            awaitPending();
            progress.advanced(table, rowsSinceReport, bytesSinceReport);
        }

        private void flush() {
            if (options.dryRun() || (batch.isEmpty() && batchRejected.isEmpty())) {
                batch.clear();
                batchRejected.clear();
                batchBytes = 0;
                return;
            }
            awaitPending();
            List<Object> entities = batch;
            List<SourceRow.Rejected> bad = batchRejected;
            long through = position;
            String identity = source.identity();
            pending = writer.submit(() -> target.load(identity, runId, table, entities, bad, through));
            batch = new ArrayList<>();
            batchRejected = new ArrayList<>();
            batchBytes = 0;
        }

        private void awaitPending() {
            if (pending != null) {
                Future<?> loading = pending;
                pending = null;
                await(loading, "loading " + table.targetName());
            }
        }

        TableReport report(Optional<TableFingerprint> inTarget) {
            return new TableReport(table, position, accepted, rejected.size(), Math.min(committedBefore, position),
                    bytes, coercions, fingerprint, inTarget);
        }
    }

    static long fingerprintOf(Object entity) {
        if (entity instanceof User user) {
            return Fingerprints.of(user);
        } else if (entity instanceof Collection collection) {
            return Fingerprints.of(collection);
        } else if (entity instanceof ImportedDocument imported) {
            // The source computed the hash from the content it read: it is the content's digest.
            return Fingerprints.of(imported.document(), imported.document().contentHash());
        } else if (entity instanceof CollectionAccessToken token) {
            return Fingerprints.of(token);
        } else if (entity instanceof PersonalAccessToken token) {
            return Fingerprints.of(token);
        } else if (entity instanceof UsageRecord usage) {
            return Fingerprints.of(usage);
        }
        throw new IllegalArgumentException("not a migrated entity: " + entity.getClass());
    }
}
