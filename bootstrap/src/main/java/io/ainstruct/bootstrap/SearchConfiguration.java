package io.ainstruct.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code ainstruct.search.*}: the keyword index's language and how hybrid search fuses its two rankings. */
@ConfigurationProperties("ainstruct.search")
public interface SearchConfiguration {

    /** A PostgreSQL text search configuration ({@code SEARCH_KEYWORD_LANGUAGE}): english, german, simple, … */
    @Bindable(defaultValue = "english")
    String getKeywordLanguage();

    /** How hybrid search fuses its rankings ({@code SEARCH_FUSION}): {@code convex} or {@code rrf}. */
    @Bindable(defaultValue = "convex")
    String getFusion();

    /** The reciprocal rank fusion constant ({@code SEARCH_RRF_K}). */
    @Bindable(defaultValue = "60")
    int getRrfK();

    @Bindable(defaultValue = "1.0")
    double getVectorWeight();

    @Bindable(defaultValue = "1.0")
    double getKeywordWeight();

    /** How many passages each side of a hybrid search offers to the fusion ({@code SEARCH_HYBRID_CANDIDATES}). */
    @Bindable(defaultValue = "50")
    int getHybridCandidates();
}
