package com.memberdirectory.query.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextTest {

    @Test
    void foldingIgnoresCaseAccentsAndWidth() {
        assertThat(SearchText.fold("Élodie ZOË")).isEqualTo("elodie zoe");
        assertThat(SearchText.fold("Ｍüller１２")).isEqualTo("muller12");
        assertThat(SearchText.fold("Ann\u0000a\u0007")).isEqualTo("anna");
        assertThat(SearchText.fold(null)).isEmpty();
    }

    @Test
    void aValueMatchesEveryFoldedSubstringAndNothingElse() {
        assertThat(SearchText.matches("José Álvarez", SearchText.fold("ALVA"))).isTrue();
        assertThat(SearchText.matches("José Álvarez", "se a")).isTrue();
        assertThat(SearchText.matches("José Álvarez", "josa")).isFalse();
        assertThat(SearchText.matches(null, "a")).isFalse();
    }

    @Test
    void everyPositionOfAValueStartsOneGram() {
        assertThat(SearchText.indexGrams("Abcd")).containsExactly("abc", "bcd", "cd" + SearchText.PAD,
                "d" + SearchText.PAD + SearchText.PAD);
        assertThat(SearchText.indexGrams("")).isEmpty();
    }

    @Test
    void aQueryOfThreeOrMoreCharactersIsThePhraseOfItsGrams() {
        assertThat(SearchText.queryGrams("abcd")).containsExactly("abc", "bcd");
        assertThatThrownBy(() -> SearchText.queryGrams("ab")).isInstanceOf(IllegalArgumentException.class);
    }
}
