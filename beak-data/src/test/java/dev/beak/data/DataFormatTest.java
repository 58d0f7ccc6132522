package dev.beak.data;

import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.SyntheticShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a --data path holds, public datasets' names resolved to their local copy, and image folders split with a test folder. */
class DataFormatTest {
    @TempDir Path dir;

    @Test
    void formatsAreToldFromTheFiles() throws Exception {
        Path idx = Files.createDirectories(dir.resolve("idx"));
        Files.write(idx.resolve("t10k-images-idx3-ubyte.gz"), new byte[0]);
        assertThat(DataFormat.of(idx)).isEqualTo(DataFormat.IDX);
        Path cifar = Files.createDirectories(dir.resolve("cifar"));
        Files.write(cifar.resolve("test_batch.bin"), new byte[3073]);
        assertThat(DataFormat.of(cifar)).isEqualTo(DataFormat.CIFAR);
        Path shapes = SyntheticShapes.write(dir.resolve("shapes"), 2, 3, 12, 1);
        assertThat(DataFormat.of(shapes)).isEqualTo(DataFormat.IMAGE_FOLDER);
        assertThat(DataFormat.of(dir.resolve("missing"))).isEqualTo(DataFormat.IMAGE_FOLDER); // the scan names it
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("notes.txt"), "x");
        assertThat(DataFormat.of(files)).isEqualTo(DataFormat.IDX);
        assertThatThrownBy(() -> DataFormat.IDX.load(files, "test")).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte").hasMessageContaining("nor CIFAR binary files");
        assertThat(DataFormat.CIFAR.load(cifar, "test").size()).isEqualTo(1);
        assertThatThrownBy(() -> DataFormat.IMAGE_FOLDER.load(shapes, "test")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesResolveToALocalCopyAndPathsStayAsGiven() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path copy = Files.createDirectories(cache.resolve("mnist"));
        for (PublicDataset.RemoteFile f : PublicDataset.MNIST.files()) Files.write(copy.resolve(f.fileName()), new byte[0]);
        boolean system = PublicDataset.SYSTEM_FOLDERS.stream().anyMatch(root -> Files.isDirectory(root.resolve("mnist")));
        List<String> log = new ArrayList<>();
        if (!system) assertThat(PublicDataset.resolve(Path.of("mnist"), cache, log::add)).isEqualTo(copy);
        assertThat(log).isEmpty(); // nothing fetched
        assertThat(PublicDataset.resolve(Path.of("no-such-set"), cache, log::add)).isEqualTo(Path.of("no-such-set"));
        assertThat(PublicDataset.resolve(dir, cache, log::add)).isEqualTo(dir);
        assertThat(PublicDataset.resolve(null, cache, log::add)).isNull();
        assertThat(PublicDataset.isName("Fashion_MNIST")).isTrue();
        assertThat(PublicDataset.isName("imagenet")).isFalse();
    }

    @Test
    void aTestFolderMustHaveTheSameClasses() throws Exception {
        Path train = SyntheticShapes.write(dir.resolve("train"), 2, 4, 12, 1), test = SyntheticShapes.write(dir.resolve("test"), 2, 2, 12, 2);
        ImageFolder.Split s = ImageFolder.split(train, test, 0.5, 1);
        assertThat(s.train().size()).isEqualTo(8);
        assertThat(s.validation().size()).isEqualTo(4);
        ImageFolder.Split held = ImageFolder.split(train, null, 0.5, 1);
        assertThat(held.train().size() + held.validation().size()).isEqualTo(8);
        assertThat(held.validation().size()).isEqualTo(4);
        Path other = SyntheticShapes.write(dir.resolve("other"), 3, 2, 12, 3);
        assertThatThrownBy(() -> ImageFolder.split(train, other, 0.5, 1)).hasMessageContaining("the class folders differ");
    }
}
