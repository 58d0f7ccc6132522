package dev.beak.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --data fashion-mnist} finds a complete local copy (gzipped or not) before anything is downloaded. */
class LocalCopyTest {
    @TempDir
    Path cache;

    @Test
    void aCompleteCacheFolderIsTheLocalCopyAndAnIncompleteOneIsNot() throws IOException {
        PublicDataset d = PublicDataset.MNIST;
        Path dir = Files.createDirectories(cache.resolve("mnist"));
        // Only when the system folders have no MNIST (Debian has no such package today) does the cache decide.
        boolean system = PublicDataset.SYSTEM_FOLDERS.stream().anyMatch(root -> Files.isDirectory(root.resolve("mnist")));
        for (int i = 0; i < d.files().size(); i++) {
            if (!system) assertThat(d.localCopy(cache)).isEmpty();
            String name = d.files().get(i).fileName();
            Files.write(dir.resolve(i % 2 == 0 ? name : name.replace(".gz", "")), new byte[0]); // gzipped or unpacked
        }
        if (!system) assertThat(d.localCopy(cache)).contains(dir);
    }

    @Test
    void cifarNeedsItsBinaryBatches() throws IOException {
        Path dir = Files.createDirectories(cache.resolve("cifar10").resolve("cifar-10-batches-bin"));
        boolean system = Files.isDirectory(PublicDataset.SYSTEM_FOLDERS.getFirst().resolve("cifar10"));
        if (!system) assertThat(PublicDataset.CIFAR10.localCopy(cache)).isEmpty();
        Files.write(dir.resolve("test_batch.bin"), new byte[0]);
        if (!system) assertThat(PublicDataset.CIFAR10.localCopy(cache)).contains(cache.resolve("cifar10"));
    }
}
