package io.ainstruct.adapter.postgres.keywordindex;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.port.KeywordIndex;
import io.ainstruct.domain.search.VectorFilter;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeywordLanguageTest extends PostgresAdapterTest {

    @Test
    void changingTheLanguageReindexesWhatIsStoredAndKeepingItDoesNothing() {
        KeywordLanguage language = context.getBean(KeywordLanguage.class);
        KeywordIndex index = context.getBean(KeywordIndex.class);
        CollectionId notes = fixtures.storedCollection().id();
        new KeywordDocuments(context).store(notes, "Lieder", "Die Katzen singen in der Nacht.");
        VectorFilter filter = VectorFilter.collections(Set.of(notes));

        // English stems nothing of German and keeps its stop words as words.
        assertThat(index.search("Katze", filter, 5)).isEmpty();

        assertThat(language.use("german")).isTrue();
        assertThat(index.search("Katze", filter, 5)).hasSize(1);
        assertThat(index.search("die der", filter, 5)).as("German stop words").isEmpty();
        assertThat(language.use("german")).isFalse();
    }

    @Test
    void anUnknownLanguageIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> context.getBean(KeywordLanguage.class).use("klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("klingon").hasMessageContaining("english");
    }
}
