package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.port.PassageReader;
import io.ainstruct.domain.search.Passage;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Singleton
@TranslatesDatabaseFailures
class PostgresPassageReader implements PassageReader {
    private final DocumentRows rows;

    PostgresPassageReader(DocumentRows rows) {
        this.rows = rows;
    }

    @Override
    @ReadOnly
    public Map<ChunkId, Passage> passages(Collection<ChunkId> chunks) {
        if (chunks.isEmpty()) {
            return Map.of();
        }
        Collection<UUID> ids = chunks.stream().map(ChunkId::value).collect(Collectors.toSet());
        return rows.findPassages(ids).stream()
                .map(PassageRow::toDomain)
                .collect(Collectors.toMap(Passage::chunkId, Function.identity()));
    }
}
