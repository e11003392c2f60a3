package io.ainstruct.domain.document;

import java.util.List;

public record Page<T>(List<T> items, long total, int limit, int offset) {
}
