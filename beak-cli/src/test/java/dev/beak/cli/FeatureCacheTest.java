package dev.beak.cli;

import dev.beak.data.EmbeddedMnist;
import dev.beak.data.loader.FeatureFile;
import dev.beak.data.loader.Features;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.TransferRecipe;
import dev.beak.dataset.Batches;
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

    /** Without augmentation, a head trained on cached base outputs is the head trained through the frozen base, bit for bit. */
    @Test
    void cachedFeaturesGiveTheSameHeadAsTrainingThroughTheFrozenBase() {
        TensorDataset train = EmbeddedMnist.train().slice(0, 300);
        Model pretrained = Sequential.of(Layers.conv2d(6, 5).withActivation(Activation.RELU), Layers.maxPool2d(2), Layers.flatten(),
                Layers.dense(10)).seed(3).withInputShape(1, 28, 28);
        TransferRecipe recipe = TransferRecipe.cutAt("flatten").withHead(Layers.dense(32, Activation.RELU), Layers.dropout(0.25f));
        FitOptions options = FitOptions.epochs(2).batchSize(32).seed(9);

        Model through = recipe.model(pretrained, 10, 4).compile(new Adam(1e-3), new CrossEntropy());
        through.fit(train, options);

        Model base = recipe.base(pretrained);
        TensorDataset features = Features.compute(Batches.inOrder(train, 32), 1, x -> base.predict(x, 32));
        Model head = recipe.head(base.outputShape(), 10, 4).compile(new Adam(1e-3), new CrossEntropy());
        head.fit(features, options);

        for (String name : head.parameters().keySet()) {
            assertThat(head.parameters().get(name).data()).as(name).containsExactly(through.parameters().get(name).data());
        }
        assertThat(recipe.model(pretrained, head).predict(train.x(), 64).data()).containsExactly(through.predict(train.x(), 64).data());
    }
}
