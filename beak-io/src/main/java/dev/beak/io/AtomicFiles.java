package dev.beak.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes files all-or-nothing: readers of the target see either its old content (or no file) or the
 * complete new content, never a half-written file, even if the writer throws or the machine crashes.
 *
 * <p>How: the content goes to a temporary file {@code .<name><random>.tmp} in the target's directory
 * (same file system, so the rename below is possible), is forced to disk, then renamed over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE} (or, where the file system cannot do that,
 * {@link StandardCopyOption#REPLACE_EXISTING}). On any failure the temporary file is deleted, and
 * the error names the target ({@code runs/m.beak: cannot write: No space left on device}). Temporary
 * files of the same target that a killed writer left behind (untouched for {@link #STALE}) are deleted
 * before each write, so interrupted saves do not pile up.
 *
 * {@snippet :
 * AtomicFiles.write(Path.of("runs/1/model.safetensors"), out -> Safetensors.write(weights, out));
 * }
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with what {@code writer} writes, creating missing parent directories.
     * The stream given to {@code writer} is buffered; the writer may close it or not.
     */
    public static void write(Path target, IoConsumer<OutputStream> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        deleteStaleTemporaryFiles(absolute);
        try {
            writeNew(absolute, dir, writer);
        } catch (dev.beak.data.DataFileException e) {
            throw e;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains(target.toString())) throw e;
            throw new IOException(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** A writer's temporary file untouched this long belongs to a writer that died. */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(10);

    /** Deletes {@code .<name>.<hex>.tmp} files beside {@code target} untouched for {@link #STALE}; best effort. */
    static void deleteStaleTemporaryFiles(Path target) {
        String prefix = "." + target.getFileName() + ".";
        long cutoff = System.currentTimeMillis() - STALE.toMillis();
        try (var files = Files.list(target.getParent())) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(".tmp") && n.substring(prefix.length(), n.length() - 4).matches("-?[0-9a-f]+")
                        && Files.getLastModifiedTime(f).toMillis() < cutoff) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // Left for the next write: a stray temporary file does no harm.
        }
    }

    private static void writeNew(Path absolute, Path dir, IoConsumer<OutputStream> writer) throws IOException {
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        // CREATE_NEW, not Files.createTempFile: that makes the file owner-only (0600) on POSIX, which the
        // rename would then carry over to the target; this honours the usual umask instead. If this
        // fails, the file is not ours, so it is outside the try that deletes it.
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            try (channel) {
                OutputStream out = new BufferedOutputStream(new ChannelOutput(channel), 1 << 16);
                writer.accept(out);
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
        } catch (Throwable e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (POSIX); best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not possible on this platform (Windows); the file content itself is already on disk.
        }
    }

    /** Writes to a channel in bulk; closing it does not close the channel, which we still must force. */
    private static final class ChannelOutput extends OutputStream {
        private final FileChannel channel;

        ChannelOutput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) channel.write(buf);
        }
    }
}
