package io.ainstruct.adapter.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of one task: a progress bar (count, MB, rate, ETA) on a terminal; a plain line every few seconds
 * otherwise, so logs of a run in the background stay readable.
 */
final class ProgressLine implements AutoCloseable {
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

    private final String task;
    private final long total;
    private final String unit;
    private final PrintStream log;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private long done;
    private long bytes;
    private long lastLog = started;

    private ProgressLine(String task, long total, String unit, PrintStream log, boolean terminal) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.log = log;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .showSpeed().setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(log))
                .build() : null;
    }

    static ProgressLine start(String task, long total, String unit, PrintStream log) {
        return new ProgressLine(task, total, unit, log, System.console() != null);
    }

    void advance(long count, long moreBytes) {
        done += count;
        bytes += moreBytes;
        if (bar != null) {
            bar.stepBy(count);
            if (bytes > 0) {
                bar.setExtraMessage(String.format(Locale.ROOT, " %.1f MB", megabytes()));
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            log.println(line(now));
        }
    }

    private double megabytes() {
        return bytes / 1e6;
    }

    private String line(long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-9);
        double rate = done / seconds;
        String eta = rate > 0 && total > done ? String.format(Locale.ROOT, ", ETA %.0f s", (total - done) / rate) : "";
        String size = bytes > 0 ? String.format(Locale.ROOT, ", %.1f MB (%.1f MB/s)", megabytes(), megabytes() / seconds) : "";
        return String.format(Locale.ROOT, "%s: %d/%d %s%s, %.0f %s/s%s", task, done, total, unit, size, rate, unit, eta);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else {
            log.println(line(System.nanoTime()) + " - done");
        }
    }
}
