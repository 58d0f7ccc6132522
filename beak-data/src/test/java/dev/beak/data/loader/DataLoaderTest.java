package dev.beak.data.loader;

import dev.beak.data.SkipReport;
import dev.beak.data.augment.Augmentations;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.ImageOptions;
import dev.beak.data.image.SyntheticShapes;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.data.preprocess.Rescale;
import dev.beak.dataset.Batch;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataLoaderTest {
    @TempDir
    Path dir;

    static TensorDataset numbered(int n) {
        float[] x = new float[n * 2 * 4 * 4], y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i;
            for (int k = 0; k < 32; k++) x[i * 32 + k] = i;
        }
        return new TensorDataset(Tensor.of(x, n, 2, 4, 4), Tensor.of(y, n));
    }

    static List<float[]> all(Iterable<Batch> batches) {
        List<float[]> out = new ArrayList<>();
        for (Batch b : batches) {
            out.add(b.x().data());
            out.add(b.y().data());
        }
        return out;
    }

    @Test
    void sameOrderAsBatchesWithoutAugmentation() {
        TensorDataset d = numbered(50);
        try (DataLoader loader = DataLoader.builder(d).batchSize(8).shuffle(3).threads(2).build()) {
            assertThat(loader.batchCount()).isEqualTo(7);
            assertThat(all(loader.epoch(2))).containsExactlyElementsOf(all(Batches.shuffled(d, 8, 3, 2)));
        }
    }

    @Test
    void deterministicForASeedWhateverTheThreadCount() {
        TensorDataset d = numbered(37);
        var aug = Augmentations.compose(Augmentations.padAndCrop(1), Augmentations.flipHorizontal(), Augmentations.gaussianNoise(1));
        List<List<float[]>> runs = new ArrayList<>();
        for (int threads : new int[] {0, 1, 3}) {
            try (DataLoader loader = DataLoader.builder(d).batchSize(5).shuffle(11).augment(aug).threads(threads).prefetch(2).build()) {
                runs.add(all(loader.epoch(4)));
            }
        }
        assertThat(runs.get(1)).containsExactlyElementsOf(runs.get(0));
        assertThat(runs.get(2)).containsExactlyElementsOf(runs.get(0));
        try (DataLoader loader = DataLoader.builder(d).batchSize(5).shuffle(11).augment(aug).build()) {
            assertThat(all(loader.epoch(5))).isNotEqualTo(runs.get(0)); // another epoch, another order and draw
        }
    }

    @Test
    void dropLastAndPreprocessing() {
        try (DataLoader loader = DataLoader.builder(numbered(10)).batchSize(4).dropLast(true)
                .preprocess(new Preprocessing(List.of(new Rescale(2, 1)))).build()) {
            List<Batch> batches = new ArrayList<>();
            loader.epoch(1).forEach(batches::add);
            assertThat(batches).hasSize(2);
            assertThat(batches.get(1).x().data()[0]).isEqualTo(4 * 2 + 1f);
        }
    }

    @Test
    void prefetchBoundsTheWorkInFlight() {
        AtomicInteger copies = new AtomicInteger();
        TensorDataset base = numbered(400);
        Dataset counting = new Dataset() {
            public int size() { return base.size(); }
            public int[] sampleShape() { return base.sampleShape(); }
            public int[] labelShape() { return base.labelShape(); }
            public void copy(int i, float[] x, int xo, float[] y, int yo) {
                copies.incrementAndGet();
                base.copy(i, x, xo, y, yo);
            }
        };
        try (DataLoader loader = DataLoader.builder(counting).batchSize(10).threads(2).prefetch(3).build()) {
            var it = loader.epoch(1).iterator();
            it.next();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            // One batch consumed, at most 3 more prepared: 40 samples of 400 read.
            assertThat(copies.get()).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void decodesImageFoldersInTheBackgroundAndSkipsBadFiles() throws IOException {
        Path root = SyntheticShapes.write(dir.resolve("s"), 2, 6, 20, 4);
        Files.writeString(root.resolve("circle/broken.jpg"), "not a jpeg");
        ImageFolder folder = ImageFolder.scan(root);
        try (DataLoader strict = DataLoader.builder(folder.dataset(ImageOptions.of(16, 16))).batchSize(4).build()) {
            assertThatThrownBy(() -> all(strict.epoch(1))).hasMessageContaining("broken.jpg").hasMessageContaining("not an image");
        }
        SkipReport report = new SkipReport();
        try (DataLoader loader = DataLoader.builder(folder.dataset(ImageOptions.of(16, 16).withSkipBad(true))).batchSize(4)
                .shuffle(1).augment(Augmentations.randomCrop(12, 12)).skipBad(report).build()) {
            int samples = 0;
            for (Batch b : loader.epoch(1)) {
                assertThat(b.x().shape()).containsExactly(b.size(), 3, 12, 12);
                samples += b.size();
            }
            assertThat(samples).isEqualTo(12);
        }
        assertThat(report.entries()).singleElement().satisfies(e -> assertThat(e.source()).endsWith("broken.jpg"));

        // Preprocessing fitted through a plain skipping loader: the bad file is left out of the statistics.
        SkipReport fitReport = new SkipReport();
        var lazy = folder.dataset(ImageOptions.of(16, 16).withSkipBad(true));
        try (DataLoader plain = DataLoader.builder(lazy).batchSize(5).skipBad(fitReport).build()) {
            var p = dev.beak.data.preprocess.Preprocessing.fit(plain, List.of(dev.beak.data.preprocess.PreprocessKind.RESCALE,
                    dev.beak.data.preprocess.PreprocessKind.STANDARDIZE), 0);
            var eager = dev.beak.data.preprocess.Preprocessing.fit(lazy.load(1, new SkipReport()), List.of(
                    dev.beak.data.preprocess.PreprocessKind.RESCALE, dev.beak.data.preprocess.PreprocessKind.STANDARDIZE), 0);
            assertThat(p.config()).isEqualTo(eager.config());
        }
        assertThat(fitReport.size()).isEqualTo(1);
    }

    @Test
    void featureCacheInMemoryAndOnDisk() throws IOException {
        TensorDataset d = numbered(21);
        java.util.function.Function<Tensor, Tensor> net = x -> {
            int n = x.dim(0);
            float[] out = new float[n * 3];
            for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) out[i * 3 + k] = x.data()[i * 32] * (k + 1);
            return Tensor.of(out, n, 3);
        };
        TensorDataset mem = Features.compute(d, net, 8);
        assertThat(mem.x().shape()).containsExactly(21, 3);
        assertThat(mem.x().data()[20 * 3 + 2]).isEqualTo(60f);
        FeatureFile disk = Features.computeToFile(d, net, 8, dir.resolve("f.bin"));
        assertThat(all(Batches.inOrder(disk, 5))).containsExactlyElementsOf(all(Batches.inOrder(mem, 5)));
        byte[] bytes = Files.readAllBytes(dir.resolve("f.bin"));
        Files.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> FeatureFile.open(dir.resolve("cut.bin"))).hasMessageContaining("cut.bin").hasMessageContaining("bytes");
    }
}
