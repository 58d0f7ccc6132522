package dev.beak.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into tokens: {@link Level#CHARACTER} gives each Unicode code point (so "é" and "ß" are
 * one token each), {@link Level#WORD} the maximal runs of letters, digits and apostrophes; everything
 * else separates words. {@code lowercase} folds case first (in the root locale).
 */
public record Tokenizer(Level level, boolean lowercase) {
    /** What one token is. */
    public enum Level { CHARACTER, WORD }

    public Tokenizer {
        if (level == null) throw new IllegalArgumentException("a tokenizer needs a level (CHARACTER or WORD)");
    }

    public static Tokenizer characters() {
        return new Tokenizer(Level.CHARACTER, true);
    }

    public static Tokenizer words() {
        return new Tokenizer(Level.WORD, true);
    }

    public List<String> tokens(String text) {
        String s = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        List<String> out = new ArrayList<>();
        if (level == Level.CHARACTER) {
            s.codePoints().forEach(cp -> out.add(Character.toString(cp)));
            return out;
        }
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean part = Character.isLetterOrDigit(cp) || cp == '\'' || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (part && start < 0) start = i;
            if (!part && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) out.add(s.substring(start));
        return out;
    }
}
