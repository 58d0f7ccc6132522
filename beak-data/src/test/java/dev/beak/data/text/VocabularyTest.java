package dev.beak.data.text;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VocabularyTest {
    @Test
    void tokenizesCharactersAndWords() {
        assertThat(Tokenizer.characters().tokens("Straße𝄞")).containsExactly("s", "t", "r", "a", "ß", "e", "𝄞");
        assertThat(Tokenizer.words().tokens("It's 2 o'clock, ÉTÉ—déjà-vu!")).containsExactly("it's", "2", "o'clock", "été", "déjà", "vu");
        assertThat(new Tokenizer(Tokenizer.Level.WORD, false).tokens("A b")).containsExactly("A", "b");
    }

    @Test
    void mostFrequentTokensGetTheSmallestIdsAndTextsArePaddedOnTheRight() {
        List<String> texts = List.of("abca", "bad", "cab", "zz");
        Vocabulary v = Vocabulary.build(Tokenizer.characters(), texts, 3, 2, 5);
        // a: 4, b: 3, c: 2, z: 2, d: 1 -> a, b, then c before z (alphabetical tie-break); d below minCount.
        assertThat(v.tokens()).containsExactly("a", "b", "c");
        assertThat(v.size()).isEqualTo(5);
        assertThat(v.encode("abzd")).containsExactly(2, 3, Vocabulary.UNKNOWN, Vocabulary.UNKNOWN, Vocabulary.PADDING);
        assertThat(v.encode("abcabcabc")).containsExactly(2, 3, 4, 2, 3);
        Tensor all = v.encodeAll(List.of("c", "ba"));
        assertThat(all.shape()).containsExactly(2, 5);
        assertThat(all.data()).containsExactly(4, 0, 0, 0, 0, 3, 2, 0, 0, 0);
        assertThat(v.token(2)).isEqualTo("a");
        assertThat(Vocabulary.build(Tokenizer.characters(), List.of("zz", "cab", "bad", "abca"), 3, 2, 5)).isEqualTo(v);
        assertThatThrownBy(() -> new Vocabulary(Tokenizer.words(), List.of("x", "x"), 4)).hasMessageContaining("repeats");
    }
}
