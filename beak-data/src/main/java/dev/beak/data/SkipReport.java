package dev.beak.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad files skipped under {@code skipBad}: collected from any thread, each source once, listed in
 * name order at the end of a run. A run that skips files says so; it never skips silently.
 */
public final class SkipReport {
    private final Map<String, BadEntry> entries = new LinkedHashMap<>();

    /** An empty report. */
    public SkipReport() {}

    public synchronized void add(BadEntry entry) {
        entries.putIfAbsent(entry.source(), entry);
    }

    public void add(DataFileException e) {
        add(BadEntry.of(e));
    }

    public synchronized List<BadEntry> entries() {
        List<BadEntry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(BadEntry::source));
        return list;
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    public synchronized int size() {
        return entries.size();
    }

    /** One line per skipped file after a heading, or an empty string when nothing was skipped. */
    public String summary() {
        List<BadEntry> list = entries();
        if (list.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("Skipped " + list.size() + " bad file" + (list.size() == 1 ? "" : "s") + ":\n");
        for (BadEntry e : list) sb.append("  ").append(e).append('\n');
        return sb.toString();
    }
}
