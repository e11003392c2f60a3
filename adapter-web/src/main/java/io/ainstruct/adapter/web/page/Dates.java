package io.ainstruct.adapter.web.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the dashboard prints them, in UTC. */
final class Dates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String day(Instant instant) {
        return instant == null ? "never" : DAY.format(instant);
    }

    static String minute(Instant instant) {
        return instant == null ? "never" : MINUTE.format(instant);
    }
}
