package dev.beak.examples.text;

import dev.beak.examples.MissingDataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Debian's spelling word lists, one word per line under /usr/share/dict: the languages, their packages
 * and licences (from each package's copyright file). Words found in more than one list are dropped
 * (a word that is English and Dutch has no single right answer), as are possessives and abbreviations.
 */
public final class WordLists {
    /** A language, its list and the package that installs it. */
    public record Language(String code, String file, String debianPackage, String licence) {}

    public static final List<Language> LANGUAGES = List.of(
            new Language("en", "american-english", "wamerican", "SCOWL word-list licence (permissive)"),
            new Language("de", "ngerman", "wngerman", "GPL-2+"),
            new Language("fr", "french", "wfrench", "GPL-2+"),
            new Language("es", "spanish", "wspanish", "public domain"),
            new Language("it", "italian", "witalian", "GPL-3+"),
            new Language("pt", "portuguese", "wportuguese", "GPL-2+ or LGPL-2.1+ or MPL-1.1"),
            new Language("nl", "dutch", "wdutch", "BSD or CC BY 3.0 (OpenTaal)"));

    static final Path DICT = Path.of("/usr/share/dict");

    private WordLists() {}

    /** The packages that must be installed. */
    public static List<String> packages() {
        return LANGUAGES.stream().map(Language::debianPackage).toList();
    }

    /**
     * Up to {@code perLanguage} words of each language (lower case, 3 to {@code maxLength} letters, in no
     * other list), shuffled with {@code seed}; index i of the result is {@code LANGUAGES.get(i)}.
     */
    public static List<List<String>> load(int perLanguage, int maxLength, long seed) throws IOException, MissingDataException {
        List<List<String>> all = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Language l : LANGUAGES) {
            Path file = DICT.resolve(l.file());
            if (!Files.isReadable(file)) {
                throw new MissingDataException("missing " + file + ": install the Debian package " + l.debianPackage() + " (apt-get install " + String.join(" ", packages()) + ")");
            }
            List<String> words = new ArrayList<>();
            for (String w : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = w.strip();
                if (s.length() < 3 || s.length() > maxLength || !s.equals(s.toLowerCase(Locale.ROOT)) || !s.chars().allMatch(Character::isLetter)) continue;
                words.add(s);
            }
            List<String> distinct = words.stream().distinct().toList();
            for (String w : distinct) seen.merge(w, 1, Integer::sum);
            all.add(distinct);
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<String> unique = new ArrayList<>(all.get(i).stream().filter(w -> seen.get(w) == 1).toList());
            Collections.shuffle(unique, new Random(seed * 31 + i));
            out.add(List.copyOf(unique.subList(0, Math.min(perLanguage, unique.size()))));
        }
        return out;
    }
}
