package io.ainstruct.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The progress lines every benchmark prints: {@code [bench HH:mm:ss] ...}. */
final class BenchLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private BenchLog() {
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n", LocalTime.now().format(TIME), String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
