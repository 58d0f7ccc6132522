package dev.beak.data;

import dev.beak.dataset.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CifarTest {
    @TempDir
    Path dir;

    static byte[] records(int n, int labelBytes, int... labels) {
        int rec = labelBytes + 3072;
        byte[] b = new byte[n * rec];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < labelBytes; k++) b[i * rec + k] = (byte) labels[(i * labelBytes + k) % labels.length];
            b[i * rec + labelBytes] = (byte) 255;               // first red pixel
            b[i * rec + labelBytes + 1024] = (byte) (10 * i);   // first green pixel
        }
        return b;
    }

    @Test
    void readsCifar10And100() throws IOException {
        Path c10 = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        Files.write(c10.resolve("data_batch_1.bin"), records(3, 1, 7, 2, 9));
        Files.write(c10.resolve("data_batch_2.bin"), records(2, 1, 1));
        Files.write(c10.resolve("test_batch.bin"), records(1, 1, 4));
        TensorDataset train = Cifar.loadDir(dir, "train");
        assertThat(train.x().shape()).containsExactly(5, 3, 32, 32);
        assertThat(train.y().data()).containsExactly(7, 2, 9, 1, 1);
        assertThat(train.x().data()[0]).isEqualTo(1f);
        assertThat(train.x().data()[3072 + 1024]).isEqualTo(10 / 255f);
        assertThat(Cifar.loadDir(dir, "test").size()).isEqualTo(1);

        Path c100 = Files.write(dir.resolve("train.bin"), records(2, 2, 3, 42, 19, 99)); // (coarse, fine) pairs
        assertThat(Cifar.load(List.of(c100), Cifar.Kind.CIFAR100_FINE).y().data()).containsExactly(42, 99);
        assertThat(Cifar.load(List.of(c100), Cifar.Kind.CIFAR100_COARSE).y().data()).containsExactly(3, 19);
    }

    @Test
    void wrongSizesAndLabelsAreNamed() throws IOException {
        Path c100 = Files.write(dir.resolve("c100.bin"), records(3, 2, 1, 50));
        assertThatThrownBy(() -> Cifar.load(List.of(c100), Cifar.Kind.CIFAR10)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("c100.bin: size 9222 is not a whole number of 3073-byte CIFAR10 records")
                .hasMessageContaining("is it a CIFAR-100 file?");
        byte[] ok = records(2, 1, 3);
        Path cut = Files.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(ok, ok.length - 100));
        assertThatThrownBy(() -> Cifar.load(List.of(cut), Cifar.Kind.CIFAR10)).hasMessageContaining("cut.bin").hasMessageContaining("truncated or not a CIFAR file");
        Path badLabel = Files.write(dir.resolve("label.bin"), records(1, 1, 12));
        assertThatThrownBy(() -> Cifar.load(List.of(badLabel), Cifar.Kind.CIFAR10)).hasMessageContaining("label.bin: record 0 has label 12");
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertThatThrownBy(() -> Cifar.load(List.of(empty), Cifar.Kind.CIFAR10)).hasMessageContaining("empty.bin: is empty");
        assertThatThrownBy(() -> Cifar.loadDir(dir.resolve("none"), "train")).hasMessageContaining("no CIFAR files");
    }
}
