package io.ainstruct.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * CPU time consumed by processes, in seconds. On a machine shared with other work, CPU time per operation moves far
 * less with the machine's load than operations per wall-clock second do, so the report shows both.
 */
final class Cpu {
    private Cpu() {
    }

    /** This JVM (the harness): all its threads. */
    static double self() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** One process, by pid. */
    static OptionalDouble process(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .map(d -> OptionalDouble.of(seconds(d))).orElse(OptionalDouble.empty());
    }

    /** A process and every process it started that is still running (a postmaster and its backends). */
    static OptionalDouble tree(long pid) {
        return ProcessHandle.of(pid).map(root -> OptionalDouble.of(Stream.concat(Stream.of(root), root.descendants())
                .mapToDouble(p -> p.info().totalCpuDuration().map(Cpu::seconds).orElse(0.0)).sum()))
                .orElse(OptionalDouble.empty());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
