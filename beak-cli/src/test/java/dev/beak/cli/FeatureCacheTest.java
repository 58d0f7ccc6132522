package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import dev.beak.data.loader.FeatureFile;
import dev.beak.data.loader.Features;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Feature caching with a beak-nn model: run a frozen convolutional base once, train a small head on its outputs. */
class FeatureCacheTest {
    @TempDir
    Path dir;

    @Test
    void cachedFeaturesTrainAHead() throws IOException {
        TensorDataset train = EmbeddedMnist.train().slice(0, 600), test = EmbeddedMnist.test().slice(0, 200);
        Model base = Sequential.of(Layers.conv2d(8, 5).withActivation(Activation.RELU), Layers.maxPool2d(4), Layers.flatten())
                .seed(3).withInputShape(1, 28, 28);
        TensorDataset features = Features.compute(train, x -> base.predict(x, 128), 128);
        FeatureFile testFeatures = Features.computeToFile(test, x -> base.predict(x, 128), 128, dir.resolve("test.features"));
        assertThat(features.sampleShape()).containsExactly(8 * 6 * 6);
        assertThat(testFeatures.size()).isEqualTo(200);
        Model head = Sequential.of(Layers.dense(10)).seed(1).withInputShape(8 * 6 * 6).compile(new Adam(3e-3), new CrossEntropy());
        History h = head.fit(features, FitOptions.epochs(6).batchSize(32).validation(testFeatures));
        assertThat(h.last().get("val_accuracy")).isGreaterThan(0.6);
    }
}
