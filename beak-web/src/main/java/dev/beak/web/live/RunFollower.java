package dev.beak.web.live;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a run folder's {@code events.jsonl} into a {@link RunLog} for {@code beak dashboard}: everything
 * written so far at once, then, while the run has not ended, each complete line appended later (the
 * file is polled twice a second on a daemon thread), so a running fit is followed live.
 */
public final class RunFollower implements AutoCloseable {
    private static final long POLL_MILLIS = 500;
    private final Path file;
    private final RunLog log = RunLog.inMemory();
    private final Thread thread;
    private long offset;
    private volatile boolean closed;

    private RunFollower(Path file) {
        this.file = file;
        this.thread = Thread.ofPlatform().daemon().name("beak-run-follower").unstarted(this::follow);
    }

    /** Opens the run in {@code folder}; fails when the folder holds no event file. */
    public static RunFollower open(Path folder) throws IOException {
        Path file = folder.resolve(RunLog.FILE);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, Files.isDirectory(folder)
                    ? "the folder holds no " + RunLog.FILE + "; was it trained with --live or --run-dir?" : "no such run folder");
        }
        RunFollower f = new RunFollower(file);
        f.readNew();
        if (!f.log.finished()) f.thread.start();
        return f;
    }

    public RunLog log() {
        return log;
    }

    private void follow() {
        try {
            while (!closed && !log.finished()) {
                Thread.sleep(POLL_MILLIS);
                readNew();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds the complete lines written since the last read (a partly written last line waits for the next poll). */
    private void readNew() throws IOException {
        byte[] fresh;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) return;
            fresh = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            in.seek(offset);
            in.readFully(fresh);
        }
        int start = 0;
        for (int i = 0; i < fresh.length; i++) {
            if (fresh[i] != '\n') continue;
            String line = new String(fresh, start, i - start, StandardCharsets.UTF_8).strip();
            start = i + 1;
            if (line.isEmpty()) continue;
            if (log.finished()) break;
            try {
                log.addJson(line);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ", line " + (log.size() + 1) + ": " + e.getMessage(), e);
            }
        }
        offset += start;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        log.close();
    }
}
