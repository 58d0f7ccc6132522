package dev.beak.spark;

import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The executors load their own share of IDX files and of image DataFrames; every sample lands once, under its index. */
class TrainingDataTest {
    @Test
    void idxFilesAreLoadedPartitionLocally(@TempDir Path dir) throws IOException {
        for (String f : List.of("test-images-idx3-ubyte.gz", "test-labels-idx1-ubyte.gz")) {
            try (InputStream in = EmbeddedMnist.class.getResourceAsStream("/dev/beak/data/mnist10k/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        TrainingData data = TrainingData.load(LocalSpark.context(), new SampleSource.IdxFolder(dir.toString(), "test"), 2);
        try {
            assertThat(data.size()).isEqualTo(2000);
            assertThat(data.sampleShape()).containsExactly(1, 28, 28);
            assertSameSamples(data, EmbeddedMnist.test());
        } finally {
            data.release();
        }
    }

    @Test
    void aMissingFolderIsNamedInTheError(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainingData.load(LocalSpark.context(), new SampleSource.IdxFolder(dir.resolve("nope").toString(), "train"), 2))
                .hasStackTraceContaining("nope");
    }

    @Test
    void imagesTakeTheirLabelsFromTheFolders(@TempDir Path dir) throws IOException {
        PredictionTest.writeDigits(dir, 30);
        var images = LocalSpark.session().read().format("binaryFile").option("recursiveFileLookup", "true").load(dir.toString());
        TrainingData data = ImageRows.trainingData(images, PredictionTest.GREY_28, null, 0);
        try {
            assertThat(data.size()).isEqualTo(30);
            TensorDataset all = data.sample(30);
            TensorDataset digits = EmbeddedMnist.test();
            // Each decoded image is one of the first 30 test digits, with that digit's label (folder digitK -> class of "digitK").
            for (int i = 0; i < all.size(); i++) {
                int match = find(digits, all, i);
                assertThat(match).as("image %d is a written digit", i).isBetween(0, 29);
                assertThat(data.classes().get((int) all.y().data()[i])).isEqualTo("digit" + (int) digits.y().data()[match]);
            }
        } finally {
            data.release();
        }
    }

    /** Every sample of the blocks equals the reference sample of the same index. */
    private static void assertSameSamples(TrainingData data, TensorDataset reference) {
        for (SampleBlock b : data.blocks().collect()) {
            for (int i = 0; i < b.size(); i++) {
                int index = b.indices()[i];
                assertThat(java.util.Arrays.copyOfRange(b.x(), i * 784, i * 784 + 784))
                        .isEqualTo(java.util.Arrays.copyOfRange(reference.x().data(), index * 784, index * 784 + 784));
                assertThat(b.y()[i]).isEqualTo(reference.y().data()[index]);
            }
        }
    }

    /** The index among the first 30 of {@code digits} whose pixels match sample {@code i} of {@code decoded} (to 8 bits), or -1. */
    private static int find(TensorDataset digits, TensorDataset decoded, int i) {
        float[] d = decoded.x().data(), x = digits.x().data();
        outer:
        for (int k = 0; k < 30; k++) {
            for (int j = 0; j < 784; j++) if (Math.abs(d[i * 784 + j] - x[k * 784 + j]) > 0.5 / 255 + 1e-6) continue outer;
            return k;
        }
        return -1;
    }
}
