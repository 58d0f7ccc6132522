package dev.beak.fuzz;

import dev.beak.data.DataFileException;
import dev.beak.data.loader.FeatureFile;
import dev.beak.data.loader.Features;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The harness for transfer learning's cached features on disk ({@link FeatureFile}: {@code BEAKFEAT},
 * a header of shapes, then floats), written by {@link Features#computeToFile}; every sample of a file
 * that opens is read.
 */
final class FeatureHarnesses {
    private FeatureHarnesses() {}

    static Harness featureFile() {
        return new Harness() {
            public String name() {
                return "feature-file";
            }

            public String fileName() {
                return "input.features";
            }

            public List<byte[]> seeds() throws IOException {
                SplittableRandom rng = new SplittableRandom(4);
                TensorDataset images = new TensorDataset(Tensor.uniform(rng, 0, 1, 5, 2, 3, 3), Tensor.of(new float[] {0, 1, 2, 1, 0}, 5));
                TensorDataset oneHot = new TensorDataset(Tensor.uniform(rng, -1, 1, 3, 4), Tensor.of(new float[] {1, 0, 0, 1, 1, 0}, 3, 2));
                return List.of(write(images, x -> x.view(x.dim(0), 6, 3)), write(oneHot, x -> x));
            }

            public void load(Path file, Path scratch) throws IOException {
                FeatureFile f = FeatureFile.open(file);
                float[] x = new float[Shape.size(f.sampleShape())], y = new float[Shape.size(f.labelShape())];
                for (int i = 0; i < f.size(); i++) f.copy(i, x, 0, y, 0);
            }

            public boolean expected(Throwable t) {
                return t instanceof DataFileException;
            }
        };
    }

    private static byte[] write(TensorDataset data, java.util.function.Function<Tensor, Tensor> network) throws IOException {
        Path dir = Files.createTempDirectory("seed");
        Path file = dir.resolve("seed.features");
        try {
            Features.computeToFile(data, network, 2, file);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
