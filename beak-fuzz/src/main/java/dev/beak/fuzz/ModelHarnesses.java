package dev.beak.fuzz;

import dev.beak.data.DataFileException;
import dev.beak.dataset.TensorDataset;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.io.ModelFile;
import dev.beak.io.Safetensors;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Harnesses for beak-io: the model file as raw bytes (mostly the zip layer), its model.json mutated
 * inside an intact zip (the layer configurations), and safetensors weights. A model that loads is
 * run once on zeros, since a file that loads must also work.
 */
final class ModelHarnesses {
    private ModelHarnesses() {}

    static Harness modelFile() {
        return new Harness() {
            public String name() {
                return "model-file";
            }

            public String fileName() {
                return "input.beak";
            }

            public List<byte[]> seeds() throws IOException {
                return List.of(save(cnn()), save(graphWithPreprocessing()));
            }

            public void load(Path file, Path scratch) throws IOException {
                use(ModelFile.load(file));
            }

            public boolean expected(Throwable t) {
                return t instanceof DataFileException;
            }
        };
    }

    /** The seed's model.json is the input; it is zipped with the seed's weights before loading. */
    static Harness modelJson() {
        return new Harness() {
            private byte[] weights;

            public String name() {
                return "model-json";
            }

            public List<byte[]> seeds() throws IOException {
                byte[] file = save(cnn());
                Path tmp = Files.createTempFile("seed", ".beak");
                try {
                    Files.write(tmp, file);
                    try (ZipFile zip = new ZipFile(tmp.toFile())) {
                        weights = zip.getInputStream(zip.getEntry("weights.safetensors")).readAllBytes();
                        return List.of(zip.getInputStream(zip.getEntry("model.json")).readAllBytes());
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }

            public void load(Path file, Path scratch) throws IOException {
                Path zipped = scratch.resolve("m.beak");
                try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zipped))) {
                    z.putNextEntry(new ZipEntry("model.json"));
                    z.write(Files.readAllBytes(file));
                    z.putNextEntry(new ZipEntry("weights.safetensors"));
                    z.write(weights);
                }
                use(ModelFile.load(zipped));
            }

            public boolean expected(Throwable t) {
                return t instanceof DataFileException;
            }
        };
    }

    static Harness safetensors() {
        return new Harness() {
            public String name() {
                return "safetensors";
            }

            public List<byte[]> seeds() throws IOException {
                ByteArrayOutputStream a = new ByteArrayOutputStream(), b = new ByteArrayOutputStream();
                Safetensors.write(cnn().state(), Map.of("format", "pt"), a);
                Safetensors.write(Map.of("x", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2)), b);
                return List.of(a.toByteArray(), b.toByteArray());
            }

            public void load(Path file, Path scratch) throws IOException {
                Safetensors.read(file);
            }

            public boolean expected(Throwable t) {
                return t instanceof DataFileException;
            }
        };
    }

    /** Runs a loaded model once on zeros of its input shape, with its preprocessing. */
    private static void use(SavedModel saved) {
        Model m = saved.model();
        int[] sample = m.inputShape();
        int[] shape = new int[sample.length + 1];
        shape[0] = 1;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        m.predict(saved.preprocessing().apply(Tensor.zeros(shape)), 1);
    }

    static Model cnn() {
        return Sequential.of(Layers.conv2d(2, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.batchNorm2d(),
                Layers.maxPool2d(2), Layers.flatten(), Layers.dense(3)).seed(1).withInputShape(1, 6, 6);
    }

    static SavedModel graphWithPreprocessing() {
        Model m = Sequential.of(Layers.flatten(), Layers.dense(4, Activation.RELU), Layers.dropout(0.5f), Layers.dense(2)).seed(2)
                .withInputShape(1, 3, 3);
        SplittableRandom rng = new SplittableRandom(3);
        TensorDataset d = new TensorDataset(Tensor.uniform(rng, 0, 255, 8, 1, 3, 3), Tensor.of(new float[] {0, 1, 0, 1, 0, 1, 0, 1}, 8));
        return new SavedModel(m, Map.of("k", "v"), Preprocessing.fit(d, List.of(PreprocessKind.RESCALE, PreprocessKind.PIXEL_MEAN), 1e-2),
                List.of("no", "yes"));
    }

    private static byte[] save(Model m) throws IOException {
        return save(new SavedModel(m, Map.of()));
    }

    private static byte[] save(SavedModel m) throws IOException {
        Path tmp = Files.createTempFile("seed", ".beak");
        try {
            ModelFile.save(m, tmp);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
