package io.ainstruct.bootstrap;

import io.ainstruct.adapter.postgres.keywordindex.KeywordLanguage;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the configured language in force before anything is searched; an unknown one stops the start with the choices. */
@Context
class KeywordLanguageAtStart {
    private static final Logger LOG = LoggerFactory.getLogger(KeywordLanguageAtStart.class);

    KeywordLanguageAtStart(KeywordLanguage language, SearchConfiguration configuration) {
        String configured = configuration.getKeywordLanguage().strip();
        try {
            if (language.use(configured)) {
                LOG.info("The keyword index now uses the text search configuration '{}'; every chunk was re-indexed.",
                        configured);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ainstruct.search.keyword-language (SEARCH_KEYWORD_LANGUAGE): " + e.getMessage(), e);
        }
    }
}
