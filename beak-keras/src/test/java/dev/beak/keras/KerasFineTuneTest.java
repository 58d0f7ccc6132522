package dev.beak.keras;

import dev.beak.autograd.Autograd;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.ModelFile;
import dev.beak.nn.Model;
import dev.beak.nn.loss.Reduction;
import dev.beak.nn.loss.SparseCategoricalCrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CNN trained by TF.js on MNIST digits (mnist_cnn) imports from its Keras 2 file, classifies 256
 * held-out digits as TF.js does, fine-tunes in Beak with the loss going down, and saves and reloads
 * as a .beak file with equal outputs.
 */
class KerasFineTuneTest {
    @Test
    void trainedKerasModelFineTunesSavesAndReloads(@TempDir Path dir) throws IOException {
        KerasFixture f = KerasFixture.of("mnist_cnn");
        Model model = KerasImporter.load(f.h5());
        assertThat(model.inputShape()).containsExactly(1, 28, 28);
        TensorDataset digits = digits(f.folder().resolve("digits-256.bin.gz"));
        model.compile(new Adam(1e-3), new SparseCategoricalCrossEntropy(false, Reduction.MEAN));
        double before = model.evaluate(digits, 64).accuracy();
        assertThat(before).as("TF.js reported 0.930 on these digits").isGreaterThan(0.9);

        History h = model.fit(digits, FitOptions.epochs(3).batchSize(32).seed(1));
        double[] loss = h.values("loss");
        assertThat(loss[loss.length - 1]).isLessThan(loss[0]);
        assertThat(model.evaluate(digits, 64).accuracy()).isGreaterThanOrEqualTo(before);

        Path file = dir.resolve("mnist_cnn.beak");
        ModelFile.save(model, file);
        Model reloaded = ModelFile.load(file).model();
        Tensor x = digits.slice(0, 16).x();
        try (var scope = Autograd.noGrad()) {
            assertThat(reloaded.forward(x, false).data()).containsExactly(model.forward(x, false).data());
        }
    }

    /** The fixture's digits: 256 labels, then 256 images of 28 x 28 bytes; pixels scaled to [0, 1] as in training. */
    private static TensorDataset digits(Path file) throws IOException {
        byte[] b;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            b = in.readAllBytes();
        }
        int n = 256, pixels = 28 * 28;
        float[] x = new float[n * pixels], y = new float[n];
        for (int i = 0; i < n; i++) y[i] = b[i];
        for (int i = 0; i < n * pixels; i++) x[i] = (b[n + i] & 0xff) / 255f;
        return new TensorDataset(Tensor.of(x, n, 1, 28, 28), Tensor.of(y, n));
    }
}
