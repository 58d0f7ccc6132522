package dev.beak.viz;

import dev.beak.data.EmbeddedMnist;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.train.History;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Small models trained once per test JVM (a few seconds each) and shared by the test classes: a
 * MNIST CNN on 2,000 real digits, and a CNN that classifies digits placed at random on a larger canvas.
 */
final class Fixtures {
    private Fixtures() {}

    /** The MNIST model, its history and the test digits. */
    record Mnist(Model model, History history, TensorDataset test) {}

    /** The localisation model and a fresh test set with each digit's box (top, left, height, width). */
    record Placed(Model model, TensorDataset test, int[][] boxes) {}

    private static final class MnistHolder {
        static final Mnist VALUE = trainMnist();
    }

    private static final class PlacedHolder {
        static final Placed VALUE = trainPlaced();
    }

    static Mnist mnist() {
        return MnistHolder.VALUE;
    }

    static Placed placed() {
        return PlacedHolder.VALUE;
    }

    private static Mnist trainMnist() {
        TensorDataset train = EmbeddedMnist.train().slice(0, 2000), test = EmbeddedMnist.test().slice(0, 500);
        Model model = Sequential.of(
                Layers.conv2d(8, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.conv2d(16, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.flatten(),
                Layers.dense(10)).named("tiny_mnist").seed(3).withInputShape(1, 28, 28);
        model.compile(new Adam(3e-3), new CrossEntropy());
        History h = model.fit(train, FitOptions.epochs(2).batchSize(32).validation(test).seed(1));
        return new Mnist(model, h, test);
    }

    static final int CANVAS = 40, DIGIT = 20;

    /**
     * A localisation task: MNIST digits shrunk to 20x20 and pasted at a random place on a 40x40
     * canvas of faint noise; the class is the digit. {@code boxes[i]} receives the digit's ink box
     * (top, left, height, width): the pixels brighter than 0.3.
     */
    static TensorDataset placedDigits(TensorDataset digits, long seed, int[][] boxes) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = digits.size(), s = CANVAS, hw = s * s;
        Tensor small = ImageMath.resize(digits.x(), DIGIT, DIGIT);
        float[] x = new float[n * hw], d = small.data();
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < hw; p++) x[i * hw + p] = (float) (0.2 * rng.nextDouble());
            int top = rng.nextInt(s - DIGIT + 1), left = rng.nextInt(s - DIGIT + 1);
            int t = s, l = s, b = -1, r = -1;
            for (int dy = 0; dy < DIGIT; dy++) {
                for (int dx = 0; dx < DIGIT; dx++) {
                    float v = d[i * DIGIT * DIGIT + dy * DIGIT + dx];
                    int at = i * hw + (top + dy) * s + left + dx;
                    x[at] = Math.max(x[at], v);
                    if (v > 0.3f) {
                        t = Math.min(t, top + dy);
                        l = Math.min(l, left + dx);
                        b = Math.max(b, top + dy);
                        r = Math.max(r, left + dx);
                    }
                }
            }
            if (boxes != null) boxes[i] = new int[] {t, l, b - t + 1, r - l + 1};
        }
        return new TensorDataset(Tensor.of(x, n, 1, s, s), digits.y().copy());
    }

    private static Placed trainPlaced() {
        Model model = Sequential.of(
                Layers.conv2d(8, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.conv2d(16, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.conv2d(32, 3).withPadding(Padding.SAME).withActivation(Activation.RELU),
                Layers.maxPool2d(2),
                Layers.flatten(),
                Layers.dense(10)).named("placed_digits").seed(5).withInputShape(1, CANVAS, CANVAS);
        model.compile(new Adam(3e-3), new CrossEntropy());
        model.fit(placedDigits(EmbeddedMnist.train().slice(0, 4000), 11, null), FitOptions.epochs(4).batchSize(32).seed(2));
        int[][] boxes = new int[200][];
        return new Placed(model, placedDigits(EmbeddedMnist.test().slice(0, 200), 99, boxes), boxes);
    }
}
