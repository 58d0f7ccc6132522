package dev.beak.nn.train;

import dev.beak.nn.Model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the epoch figures to a CSV file as each epoch ends (header {@code epoch,loss,...}, the
 * {@link History#toCsv()} layout), so a crashed run still leaves its curve. Each write replaces the
 * file atomically (a temporary file beside it, then a rename): a reader never sees half a row; the
 * temporary files of a killed run are deleted when the next fit starts.
 * {@link #appending()} keeps the rows already in the file (a resumed run) and adds this fit's under
 * them; their header must match. A fit resumed from a {@link TrainingState} rewrites the file from the
 * resumed history at once (rows written after that state, by the interrupted run, are dropped).
 */
public final class CsvLogger implements TrainingListener {
    private final Path file;
    private final boolean append;
    private String earlier = "";
    private History history;

    private CsvLogger(Path file, boolean append) {
        this.file = file;
        this.append = append;
    }

    /** Logs to {@code file}, replacing what was there. */
    public static CsvLogger to(Path file) {
        return new CsvLogger(file, false);
    }

    public CsvLogger appending() {
        return new CsvLogger(file, true);
    }

    @Override
    public void onFitStart(Model model) {
        history = new History();
        earlier = "";
        deleteStaleTemporaryFiles();
        if (!append || !Files.exists(file)) return;
        try {
            earlier = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrainingException("could not read the CSV log " + file + " to append to it: " + e.getMessage(), e);
        }
        if (!earlier.isEmpty() && !earlier.endsWith("\n")) earlier += "\n";
    }

    @Override
    public void onResume(History earlier) {
        history = new History();
        earlier.epochs().forEach(history::add);
        this.earlier = "";
        if (!history.epochs().isEmpty()) write(history.toCsv());
    }

    @Override
    public void onEpochEnd(EpochLogs logs) {
        history.add(logs);
        String csv = history.toCsv();
        if (!earlier.isEmpty()) {
            String header = csv.substring(0, csv.indexOf('\n') + 1), oldHeader = earlier.substring(0, earlier.indexOf('\n') + 1);
            if (!header.equals(oldHeader)) {
                throw new TrainingException("cannot append to " + file + ": its columns are " + oldHeader.strip()
                        + " but this run logs " + header.strip() + " (log to a new file)");
            }
            csv = earlier + csv.substring(header.length());
        }
        write(csv);
    }

    /** Removes the temporary files of writes that a killed run left unfinished ({@code .history.csv.<hex>.tmp}). */
    private void deleteStaleTemporaryFiles() {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) return;
        String prefix = "." + file.getFileName() + ".";
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new TrainingException("could not clean up old temporary files of " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // CREATE_NEW, not createTempFile, whose owner-only permissions the rename would carry over to the log.
            tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TrainingException("could not write the CSV log " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The rename succeeded or the write failed; a stray temporary file is harmless.
                }
            }
        }
    }
}
