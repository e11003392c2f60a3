package io.ainstruct.application.search;

import io.ainstruct.domain.search.Passage;

public record SearchHit(Passage passage, double score) {
}
