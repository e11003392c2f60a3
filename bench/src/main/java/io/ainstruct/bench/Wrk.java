package io.ainstruct.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (a C load generator, another process than the server) with a Lua script that picks random document ids. */
final class Wrk {
    record Result(double requestsPerSecond, long requests, double p50Ms, double p75Ms, double p90Ms, double p99Ms,
                  long non2xx, String socketErrors, String rawOutput) {
    }

    private Wrk() {
    }

    static Optional<String> version() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().filter(line -> line.startsWith("wrk")).findFirst()
                    .map(line -> line.replaceAll("\\s+Copyright.*", "").trim());
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    static Result run(String baseUrl, String token, List<String> ids, Path workDir, int threads, int connections,
                      Duration duration) throws IOException, InterruptedException {
        Path idsFile = workDir.resolve("ids.txt");
        Files.write(idsFile, ids);
        Path script = workDir.resolve("get-random-document.lua");
        Files.writeString(script, """
                -- Each wrk thread loads the ids and asks for one at random on every request.
                local ids = {}
                for line in io.lines("%s") do ids[#ids + 1] = line end
                local headers = { ["Authorization"] = "Bearer %s", ["Accept"] = "application/json" }
                function init(args)
                  math.randomseed(os.time() + tonumber(tostring(ids):match("0x(%%x+)") or "0", 16) %% 100000)
                end
                function request()
                  return wrk.format("GET", "/api/v1/documents/" .. ids[math.random(#ids)], headers)
                end
                """.formatted(idsFile.toAbsolutePath(), token));
        Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "--timeout", "10s", "-s", script.toString(), baseUrl)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return parse(out);
    }

    /**
     * Runs one of the Lua scripts of {@code bench/wrk/} with the bearer token as a header and {@code env} for the
     * script (IDS_FILE, QUERIES_FILE, TOOL).
     */
    static Result run(String baseUrl, Path script, Map<String, String> env, String token, int threads, int connections,
                      Duration duration) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t" + Math.min(threads, connections), "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "--timeout", "10s", "-s", script.toString(),
                "-H", "Authorization: Bearer " + token, baseUrl).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return parse(out);
    }

    /** Connect, read, write and timeout errors together, from wrk's "Socket errors" line (0 when there is none). */
    static long socketErrorCount(Result result) {
        return Pattern.compile("\\d+").matcher(result.socketErrors()).results()
                .mapToLong(m -> Long.parseLong(m.group())).sum();
    }

    private static Result parse(String out) {
        return new Result(number(out, "Requests/sec:\\s+([0-9.]+)"),
                (long) number(out, "(\\d+) requests in"),
                latency(out, "50%"), latency(out, "75%"), latency(out, "90%"), latency(out, "99%"),
                (long) numberOr(out, "Non-2xx or 3xx responses:\\s+(\\d+)", 0),
                match(out, "Socket errors:[^\\n]*").orElse("none"), out);
    }

    private static double latency(String out, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double numberOr(String out, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    private static Optional<String> match(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Optional.of(m.group().trim()) : Optional.empty();
    }
}
