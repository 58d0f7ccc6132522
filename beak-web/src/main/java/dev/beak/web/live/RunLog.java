package dev.beak.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.beak.web.Http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events of one run, in order, each a JSON object with a {@code type} ({@code start}, {@code batch},
 * {@code ratios}, {@code epoch}, {@code histograms}, {@code samples}, {@code confusion}, {@code end}).
 * Event {@code i} (1-based) is also the server-sent event id, so a page that reconnects (a reload) asks
 * for what it has not seen, or for everything. A log written by a fit also goes, one event per line and
 * flushed, to {@code events.jsonl} in the run folder, which {@code beak dashboard} reads back.
 */
public final class RunLog implements AutoCloseable {
    /** The file of a run folder that holds its events. */
    public static final String FILE = "events.jsonl";

    private final List<String> events = new ArrayList<>();
    private final BufferedWriter file;
    private boolean finished;

    private RunLog(BufferedWriter file) {
        this.file = file;
    }

    /** A log kept in memory only. */
    public static RunLog inMemory() {
        return new RunLog(null);
    }

    /** A log that also writes {@code folder/events.jsonl} (the folder is created; an earlier file is replaced). */
    public static RunLog writingTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new RunLog(Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8));
    }

    /** Adds an event (its map is written as JSON now); an {@code end} event finishes the log. */
    public void add(Map<String, ?> event) {
        try {
            addJson(Http.JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Adds an event already written as one line of JSON (an object with a {@code type}). */
    public void addJson(String json) {
        String type;
        try {
            JsonNode event = Http.JSON.readTree(json);
            if (event == null || !event.isObject() || !event.path("type").isTextual()) throw new IllegalArgumentException("an event is a JSON object with a \"type\", not " + abbreviate(json));
            type = event.get("type").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an event is one line of JSON, not " + abbreviate(json) + " (" + e.getOriginalMessage() + ")", e);
        }
        append(json.strip(), type.equals("end"));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private synchronized void append(String json, boolean end) {
        if (finished) throw new IllegalStateException("the run has ended; no more events");
        events.add(json);
        if (file != null) {
            try {
                file.write(json);
                file.write('\n');
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the run's events: " + e.getMessage(), e);
            }
        }
        if (end) finished = true;
        notifyAll();
    }

    /**
     * The events after the first {@code seen}, waiting up to {@code millis} for one when there are none yet
     * (an empty list then, or when the run has finished and all was seen).
     */
    public synchronized List<String> after(int seen, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (events.size() <= seen && !finished) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) break;
            wait(left);
        }
        return seen >= events.size() ? List.of() : List.copyOf(events.subList(Math.max(0, seen), events.size()));
    }

    public synchronized int size() {
        return events.size();
    }

    public synchronized boolean finished() {
        return finished;
    }

    /** Finishes the log (with no end event: the run was cut short) and closes its file. */
    @Override
    public synchronized void close() throws IOException {
        finished = true;
        notifyAll();
        if (file != null) file.close();
    }
}
