package dev.beak.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> namesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesANewFileCreatingParents() throws IOException {
        Path target = dir.resolve("a/b/model.bin");
        AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("hello");
        assertThat(namesIn(target.getParent())).containsExactly("model.bin");
    }

    @Test
    void replacesExistingContentAndToleratesAWriterThatCloses() throws IOException {
        Path target = Files.writeString(dir.resolve("model.bin"), "old content, longer than the new");
        AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(namesIn(dir)).containsExactly("model.bin");
    }

    @Test
    void newFilesGetTheUsualPermissionsNotOwnerOnly() throws IOException {
        Path target = dir.resolve("model.bin");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        AtomicFiles.write(target, out -> out.write(1));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void writesToAHiddenTempFileBesideTheTarget() throws IOException {
        Path target = dir.resolve("model.bin");
        AtomicFiles.write(target, out -> {
            out.write(1);
            assertThat(namesIn(dir)).singleElement().asString().startsWith(".model.bin").endsWith(".tmp");
            assertThat(target).doesNotExist();
        });
        assertThat(Files.readAllBytes(target)).containsExactly(1);
    }

    @Test
    void failingWriterKeepsTheOldContentAndLeavesNoTempFile() throws IOException {
        Path target = Files.writeString(dir.resolve("model.bin"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[300_000]); // past the buffer: real bytes reach the temp file
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage(target + ": cannot write: disk on fire");

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(namesIn(dir)).containsExactly("model.bin");
    }

    @Test
    void failingWriterLeavesAnAbsentTargetAbsent() throws IOException {
        Path target = dir.resolve("model.bin");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[10]);
            throw new UncheckedIOException(new IOException("unchecked failure"));
        })).isInstanceOf(UncheckedIOException.class);

        assertThat(target).doesNotExist();
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void temporaryFilesOfKilledWritersAreDeletedByTheNextWrite() throws IOException {
        Path target = dir.resolve("m.beak");
        Path stale = Files.write(dir.resolve(".m.beak.1f2e3d.tmp"), new byte[1000]), fresh = Files.write(dir.resolve(".m.beak.abc.tmp"), new byte[10]);
        Path other = Files.write(dir.resolve(".other.beak.1f2e3d.tmp"), new byte[10]);
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        AtomicFiles.write(target, out -> out.write(1));
        assertThat(namesIn(dir)).containsExactly(".m.beak.abc.tmp", ".other.beak.1f2e3d.tmp", "m.beak");
        assertThat(fresh).exists();
    }

    @Test
    void aFullDiskNamesTheFile() {
        Path target = dir.resolve("big.beak");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage(target + ": cannot write: No space left on device");
        assertThat(target).doesNotExist();
    }
}
