package dev.beak.viz;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The folder a page and its pictures are written into. Names derived from model data (layer names
 * come from a file anyone can write) become plain file names: letters, digits, {@code .}, {@code _}
 * and {@code -} only, no leading dot, at most 80 characters, unique within the folder; and every
 * path is checked to lie inside the folder before anything is written.
 */
final class OutputFolder {
    private static final int MAX_NAME = 80;

    private final Path dir;
    private final Set<String> taken = new HashSet<>();

    OutputFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** A unique, safe file name {@code prefix + name + suffix} for a name taken from the model. */
    String fileName(String prefix, String name, String suffix) {
        String base = prefix + safe(name);
        String candidate = base + suffix;
        for (int k = 1; !taken.add(candidate.toLowerCase(Locale.ROOT)); k++) candidate = base + "_" + k + suffix;
        return candidate;
    }

    /** {@code file} inside the folder; refuses anything that would land elsewhere. */
    Path resolve(String file) {
        Path p = dir.resolve(file).normalize();
        if (!p.getParent().equals(dir)) throw new IllegalArgumentException("refusing to write " + p + ": outside the output folder " + dir);
        return p;
    }

    /** {@code s} with every character outside {@code [A-Za-z0-9._-]} replaced by {@code _}, no leading dots, capped. */
    static String safe(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < MAX_NAME; i++) {
            char c = s.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            b.append(plain ? c : '_');
        }
        int start = 0;
        while (start < b.length() && b.charAt(start) == '.') start++;
        String r = b.substring(start);
        return r.isEmpty() ? "layer" : r;
    }
}
