package io.ainstruct.domain.field;

/**
 * Every length limit of the product's text fields, in one place: the commands refuse by them and the import
 * quarantines by them. The Flyway schema's CHECK constraints and column widths guard the same bounds in the database.
 */
public final class FieldLimits {
    public static final TextLimit USERNAME = new TextLimit("username", 3, 100);
    public static final TextLimit EMAIL = new TextLimit("email", 3, 320);
    public static final TextLimit PASSWORD = new TextLimit("password", 8, 128);
    public static final TextLimit COLLECTION_NAME = new TextLimit("name", 1, 100);
    public static final TextLimit DOCUMENT_TITLE = new TextLimit("title", 1, 500);
    public static final TextLimit TOKEN_LABEL = new TextLimit("label", 1, 100);
    public static final TextLimit SEARCH_QUERY = new TextLimit("query", 1, 2000);
    /** An administrator's search matches usernames and e-mail addresses, so it is as long as an address at most. */
    public static final TextLimit USER_QUERY = new TextLimit("query", 1, EMAIL.max());

    /** A document's metadata: 16 KB of JSON, 256 keys, 8 levels. */
    public static final MetadataLimit METADATA = new MetadataLimit(16 * 1024, 256, 8);

    private FieldLimits() {
    }
}
