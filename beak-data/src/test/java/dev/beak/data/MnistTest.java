package dev.beak.data;

import dev.beak.dataset.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static dev.beak.data.IdxBytes.counting;
import static dev.beak.data.IdxBytes.gzip;
import static dev.beak.data.IdxBytes.idx;
import static dev.beak.data.IdxBytes.uint8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MnistTest {
    @TempDir
    Path dir;

    private static final byte[] PIXELS = counting(3 * 28 * 28, 256);
    private static final byte[] LABELS = {7, 0, 9};

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void loadsImagesScaledToUnitRangeAndLabelsAsFloats() throws IOException {
        Path x = write("imgs", uint8(new int[] {3, 28, 28}, PIXELS));
        Path y = write("lbls", uint8(new int[] {3}, LABELS));

        TensorDataset d = Mnist.load(x, y);

        assertThat(d.x().shape()).containsExactly(3, 1, 28, 28);
        assertThat(d.y().shape()).containsExactly(3);
        assertThat(d.y().data()).containsExactly(7f, 0f, 9f);
        assertThat(d.x().data()[255]).isEqualTo(1f);
        assertThat(d.x().data()[256]).isEqualTo(0f);
        assertThat(d.x().data()[51]).isCloseTo(0.2f, within(1e-7f));
    }

    @Test
    void loadDirFindsStandardNamesWithOrWithoutGz() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(uint8(new int[] {3, 28, 28}, PIXELS)));
        write("train-labels-idx1-ubyte", uint8(new int[] {3}, LABELS));
        write("t10k-images-idx3-ubyte", uint8(new int[] {1, 28, 28}, new byte[784]));
        write("t10k-labels-idx1-ubyte.gz", gzip(uint8(new int[] {1}, new byte[] {4})));

        assertThat(Mnist.loadDir(dir, "train").size()).isEqualTo(3);
        assertThat(Mnist.loadDir(dir, "test").y().data()).containsExactly(4f);
    }

    @Test
    void loadDirNamesTheFilesItLookedFor() {
        assertThatThrownBy(() -> Mnist.loadDir(dir, "train"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("train-images-idx3-ubyte, train-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> Mnist.loadDir(dir, "validation"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"train\" or \"test\"");
    }

    @Test
    void rejectsLabelCountMismatch() throws IOException {
        Path x = write("imgs", uint8(new int[] {3, 28, 28}, PIXELS));
        Path y = write("lbls", uint8(new int[] {2}, new byte[] {1, 2}));
        assertThatThrownBy(() -> Mnist.load(x, y))
                .isInstanceOf(DataFileException.class)
                .hasMessage(y + ": has 2 labels but " + x + " has 3 images; the counts must match");
    }

    @Test
    void rejectsLabelOutOfRange() throws IOException {
        Path x = write("imgs", uint8(new int[] {3, 28, 28}, PIXELS));
        Path y = write("lbls", uint8(new int[] {3}, new byte[] {1, (byte) 200, 2}));
        assertThatThrownBy(() -> Mnist.load(x, y))
                .isInstanceOf(DataFileException.class)
                .hasMessage(y + ": label at index 1 is 200, expected 0 to 9");
    }

    @Test
    void rejectsImagesOfTheWrongRankOrType() throws IOException {
        Path flat = write("flat", uint8(new int[] {3, 784}, PIXELS));
        Path floats = write("floats", idx(IdxType.FLOAT.code(), new int[] {1, 1, 1}, new byte[4]));
        Path y = write("lbls", uint8(new int[] {3}, LABELS));
        assertThatThrownBy(() -> Mnist.load(flat, y))
                .hasMessage(flat + ": expected UNSIGNED_BYTE images (N, H, W) or (N, H, W, C), got 2-d UNSIGNED_BYTE [3, 784]");
        assertThatThrownBy(() -> Mnist.load(floats, y))
                .hasMessageStartingWith(floats + ": expected UNSIGNED_BYTE images");
        assertThatThrownBy(() -> Mnist.load(y, y))
                .hasMessageStartingWith(y + ": expected UNSIGNED_BYTE images");
    }

    @Test
    void colourImagesStoredChannelsLastBecomeChannelsFirst() throws IOException {
        // Two 1x2 images with 3 channels, stored (N, H, W, C): pixel p of image i has channel values 10i+p, +100, +200.
        byte[] px = new byte[2 * 2 * 3];
        for (int i = 0; i < 2; i++) for (int p = 0; p < 2; p++) for (int c = 0; c < 3; c++) px[(i * 2 + p) * 3 + c] = (byte) (10 * i + p + 100 * c);
        Path x = write("rgb", uint8(new int[] {2, 1, 2, 3}, px));
        Path y = write("lbls", uint8(new int[] {2}, new byte[] {4, 7}));
        var d = Mnist.load(x, y);
        assertThat(d.x().shape()).containsExactly(2, 3, 1, 2);
        float[] v = d.x().data();
        // Image 1, channel 2, pixel 1: 10 + 1 + 200 = 211.
        assertThat(v[(1 * 3 + 2) * 2 + 1] * 255f).isCloseTo(211f, org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(v[(0 * 3 + 1) * 2 + 0] * 255f).isCloseTo(100f, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void rejectsLabelsOfTheWrongRank() throws IOException {
        Path x = write("imgs", uint8(new int[] {3, 28, 28}, PIXELS));
        Path y = write("lbls", uint8(new int[] {3, 1}, LABELS));
        assertThatThrownBy(() -> Mnist.load(x, y))
                .hasMessage(y + ": expected 1-d UNSIGNED_BYTE labels (N), got 2-d UNSIGNED_BYTE [3, 1]");
    }
}
