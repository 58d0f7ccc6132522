package dev.beak.data.text;

import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids for an {@code Embedding}: id 0 pads, id 1 is any unknown token, and {@code tokens.get(i)}
 * has id i + 2. A text becomes {@code length} ids: its first tokens, then padding (right-padded, so
 * that masked pooling and SAME convolutions see the real tokens first).
 *
 * <p>Shapes: {@link #encode} gives (length); {@link #encodeAll} gives (N, length).
 * {@snippet :
 * Vocabulary v = Vocabulary.build(Tokenizer.characters(), trainingTexts, 200, 2, 24);
 * Tensor ids = v.encodeAll(trainingTexts);                       // (N, 24), vocabulary size v.size()
 * }
 */
public record Vocabulary(Tokenizer tokenizer, List<String> tokens, int length) {
    public static final int PADDING = 0;
    public static final int UNKNOWN = 1;

    public Vocabulary {
        tokens = List.copyOf(tokens);
        if (length < 1) throw new IllegalArgumentException("the encoded length must be >= 1, got " + length);
        if (new java.util.HashSet<>(tokens).size() != tokens.size()) throw new IllegalArgumentException("the vocabulary repeats a token");
    }

    /**
     * The at most {@code maxTokens} most frequent tokens of {@code texts} seen at least {@code minCount}
     * times (ties in alphabetical order, so the vocabulary does not depend on the order of the texts).
     */
    public static Vocabulary build(Tokenizer tokenizer, Iterable<String> texts, int maxTokens, int minCount, int length) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : texts) for (String tok : tokenizer.tokens(t)) counts.merge(tok, 1, Integer::sum);
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> kept = new ArrayList<>();
        for (var e : sorted) if (e.getValue() >= minCount && kept.size() < maxTokens) kept.add(e.getKey());
        return new Vocabulary(tokenizer, kept, length);
    }

    /** The number of ids, padding and unknown included: an Embedding's vocabulary size. */
    public int size() {
        return tokens.size() + 2;
    }

    /** The ids of {@code text}'s first {@code length} tokens, then padding. */
    public float[] encode(String text) {
        Map<String, Integer> ids = index();
        float[] out = new float[length];
        encodeInto(text, ids, out, 0);
        return out;
    }

    /** One row of ids per text: (N, length). */
    public Tensor encodeAll(List<String> texts) {
        Map<String, Integer> ids = index();
        float[] out = new float[texts.size() * length];
        for (int i = 0; i < texts.size(); i++) encodeInto(texts.get(i), ids, out, i * length);
        return Tensor.of(out, texts.size(), length);
    }

    /** The token of an id ("" for padding, "?" for unknown). */
    public String token(int id) {
        return id == PADDING ? "" : id == UNKNOWN ? "?" : tokens.get(id - 2);
    }

    private void encodeInto(String text, Map<String, Integer> ids, float[] out, int off) {
        List<String> toks = tokenizer.tokens(text);
        for (int i = 0; i < Math.min(length, toks.size()); i++) out[off + i] = ids.getOrDefault(toks.get(i), UNKNOWN);
    }

    private Map<String, Integer> index() {
        Map<String, Integer> m = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) m.put(tokens.get(i), i + 2);
        return m;
    }
}
