package dev.beak.examples.seeds;

import dev.beak.data.Cifar;
import dev.beak.data.PublicDataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.examples.Baselines;
import dev.beak.examples.EpochPrinter;
import dev.beak.examples.Example;
import dev.beak.examples.ExampleResult;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.ops.Padding;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The seed program Keras' cifar10_cnn.py: (conv 32 3x3 same, conv 32 3x3, max pool 2, dropout 0.25) and
 * the same with 64 filters, flatten, dense 512 ReLU, dropout 0.5, dense 10 (Keras uses RMSprop; Adam here).
 * Data: CIFAR-10 (Krizhevsky, 2009), found locally only (Debian has no package for it).
 * Baseline: softmax regression on the pixels.
 */
public final class CifarCnn implements Example {
    @Override public String name() { return "cifar10-cnn"; }

    @Override public String description() { return "seed program: Keras' CIFAR-10 CNN (needs a local CIFAR-10: beak data get cifar10)"; }

    @Override public String data() { return "a local CIFAR-10 (no Debian package; beak data get cifar10 downloads it)"; }

    @Override public List<String> packages() { return List.of(); }

    @Override
    public ExampleResult run(boolean quick, long seed, PrintWriter log) throws Exception {
        long t0 = System.nanoTime();
        Path dir = LocalData.find(PublicDataset.CIFAR10, LocalData.CIFAR);
        TensorDataset train = Cifar.loadDir(dir, "train"), test = Cifar.loadDir(dir, "test"); // pixels in 0..1, as the Keras program scales them
        if (quick) {
            train = train.slice(0, 4000);
            test = test.slice(0, 1000);
        }
        int epochs = quick ? 2 : 25;
        Model cnn = network(seed).compile(new Adam(1e-3), new CrossEntropy());
        double accuracy = cnn.fit(train, FitOptions.epochs(epochs).batchSize(32).seed(seed).validation(test).listener(new EpochPrinter("cnn", log)))
                .last().get("val_accuracy");
        double baseline = Baselines.softmaxRegression(train, test, 10, Baselines.convergedEpochs(train.size()), seed);
        return new ExampleResult(name(), accuracy, baseline, "softmax regression on the pixels", train.size(), test.size(),
                (System.nanoTime() - t0) / 1e9, Map.of("majority_class", Baselines.majority(train, test, 10)));
    }

    public static Model network(long seed) {
        return Sequential.of(Layers.conv2d(32, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                        Layers.conv2d(32, 3).withActivation(Activation.RELU), Layers.maxPool2d(2), Layers.dropout(0.25f),
                        Layers.conv2d(64, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                        Layers.conv2d(64, 3).withActivation(Activation.RELU), Layers.maxPool2d(2), Layers.dropout(0.25f),
                        Layers.flatten(), Layers.dense(512, Activation.RELU), Layers.dropout(0.5f), Layers.dense(10))
                .named("cifar10_cnn").seed(seed).withInputShape(3, 32, 32);
    }
}
