package io.ainstruct.domain.port;

import io.ainstruct.domain.migration.LegacyTable;
import io.ainstruct.domain.migration.SourceRow;

import java.util.function.Consumer;

/** A legacy database to import, read table by table with every value already coerced to the domain's types. */
public interface LegacySource extends AutoCloseable {

    /** Identifies the source's content (file, size, modification time): an interrupted run resumes only on the same source. */
    String identity();

    long count(LegacyTable table);

    /** Every row of {@code table}, always in the same order, so that a resumed run can skip what was committed. */
    void read(LegacyTable table, Consumer<SourceRow> sink);

    @Override
    void close();
}
