package io.ainstruct.domain.usage;

import java.util.Locale;

/** Where an authenticated request came in; usage is counted per entry point. */
public enum EntryPoint {
    REST, MCP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
