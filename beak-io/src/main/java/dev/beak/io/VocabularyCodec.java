package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.data.text.Tokenizer;
import dev.beak.data.text.Vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code "vocabulary"} entry of model.json, for models that read text: {@code {"level": "character",
 * "lowercase": true, "length": 24, "tokens": ["e", "a", ...]}} (token i has id i + 2; 0 pads, 1 is
 * unknown). A file without it is a model that does not read text.
 */
final class VocabularyCodec {
    static final String KEY = "vocabulary";

    private VocabularyCodec() {}

    static Map<String, Object> write(Vocabulary v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", v.tokenizer().level().name().toLowerCase(Locale.ROOT));
        m.put("lowercase", v.tokenizer().lowercase());
        m.put("length", v.length());
        m.put("tokens", v.tokens());
        return m;
    }

    /** The vocabulary, or null when the file has none. */
    static Vocabulary read(Object json, String src) throws DataFileException {
        if (json == null) return null;
        try {
            if (!(json instanceof Map<?, ?> m)) throw new IllegalArgumentException("must be an object, got " + json);
            Tokenizer.Level level = null;
            for (Tokenizer.Level l : Tokenizer.Level.values()) if (l.name().toLowerCase(Locale.ROOT).equals(m.get("level"))) level = l;
            if (level == null) throw new IllegalArgumentException("\"level\" must be \"character\" or \"word\", got " + m.get("level"));
            if (!(m.get("lowercase") instanceof Boolean lower)) throw new IllegalArgumentException("\"lowercase\" must be true or false, got " + m.get("lowercase"));
            if (!(m.get("length") instanceof Integer length)) throw new IllegalArgumentException("\"length\" must be an integer, got " + m.get("length"));
            if (!(m.get("tokens") instanceof List<?> tokens) || !tokens.stream().allMatch(t -> t instanceof String)) {
                throw new IllegalArgumentException("\"tokens\" must be a list of strings");
            }
            return new Vocabulary(new Tokenizer(level, lower), tokens.stream().map(String.class::cast).toList(), length);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(src, "model.json \"" + KEY + "\": " + e.getMessage(), e);
        }
    }
}
