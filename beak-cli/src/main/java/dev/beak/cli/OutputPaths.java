package dev.beak.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks before training that its outputs can be written: the model file ({@code --out}) is no
 * folder, the checkpoint folder is no file, the nearest existing folder above either is writable and
 * has room for one file of the estimated size. Each problem is one line naming the flag and the path.
 */
final class OutputPaths {
    private OutputPaths() {}

    /** {@code file} (given as {@code flag}) can be written with about {@code bytes} bytes. */
    static void checkFile(String flag, Path file, long bytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(flag + " " + file + " is a folder; give a file name such as " + file.resolve("model.beak"));
        }
        checkRoom(flag, file, file.toAbsolutePath().getParent(), bytes);
    }

    /** {@code dir} (given as {@code flag}) is or can become a folder that takes a file of about {@code bytes} bytes. */
    static void checkFolder(String flag, Path dir, long bytes) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IllegalArgumentException(flag + " " + dir + " is a file, not a folder");
        checkRoom(flag, dir, dir.toAbsolutePath(), bytes);
    }

    /**
     * Deletes the temporary files that a killed run's atomic writes of {@code file} left beside it
     * ({@code .<name>.<hex>.tmp}); best effort, a file that cannot be deleted stays.
     */
    static void deleteStaleTemporaryFiles(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = "." + file.getFileName() + ".";
        if (dir == null || !Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // Left for the next run: stray temporary files do no harm.
        }
    }

    private static void checkRoom(String flag, Path given, Path folder, long bytes) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw new IllegalArgumentException(flag + " " + given + ": no part of " + folder + " exists");
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(flag + " " + given + ": " + existing + " is a file, so no folder can be made under it");
        }
        if (!Files.isWritable(existing)) throw new IllegalArgumentException(flag + " " + given + ": the folder " + existing + " is not writable");
        long free = Files.getFileStore(existing).getUsableSpace();
        if (free < bytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s: only %s free in %s, but about %s are needed",
                    flag, given, megabytes(free), existing, megabytes(bytes)));
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
