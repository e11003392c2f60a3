package io.ainstruct.domain.migration;

/** The tables a legacy database is imported from, in load order: every table comes after the tables it refers to. */
public enum LegacyTable {
    USERS("users"),
    COLLECTIONS("collections"),
    DOCUMENTS("documents"),
    COLLECTION_TOKENS("cats"),
    PERSONAL_TOKENS("pat_tokens"),
    USAGE_RECORDS("usage_records");

    private final String targetName;

    LegacyTable(String targetName) {
        this.targetName = targetName;
    }

    /** The table it lands in, which also names it in reports. */
    public String targetName() {
        return targetName;
    }
}
