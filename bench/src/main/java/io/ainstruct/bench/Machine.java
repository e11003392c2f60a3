package io.ainstruct.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the report says about the machine: cores, memory, CPU model, JVMs, load. */
final class Machine {
    private Machine() {
    }

    static String nproc() {
        return command(List.of("nproc")).orElse(Integer.toString(Runtime.getRuntime().availableProcessors())).trim();
    }

    static String memory() {
        return read("/proc/meminfo").flatMap(text -> text.lines().filter(l -> l.startsWith("MemTotal:")).findFirst())
                .map(line -> {
                    long kib = Long.parseLong(line.replaceAll("\\D+", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }).orElse("unknown");
    }

    static String cpuModel() {
        return read("/proc/cpuinfo").flatMap(text -> text.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
    }

    static String loadAverage() {
        return read("/proc/loadavg").map(text -> String.join(" ", List.of(text.trim().split("\\s+")).subList(0, 3)))
                .orElse("unknown");
    }

    static String kernel() {
        return command(List.of("uname", "-sr")).orElse(System.getProperty("os.name")).trim();
    }

    /** {@code java -version}, all lines joined with "; ". */
    static String javaVersion(Path java) {
        return command(List.of(java.toString(), "-version"))
                .map(text -> String.join("; ", text.strip().lines().toList())).orElse("unknown");
    }

    /** The java binary of the JVM running this harness. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> command(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
