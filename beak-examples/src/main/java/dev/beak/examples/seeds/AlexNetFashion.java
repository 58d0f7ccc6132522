package dev.beak.examples.seeds;

import dev.beak.autograd.Autograd;
import dev.beak.data.Mnist;
import dev.beak.data.PublicDataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.examples.Baselines;
import dev.beak.examples.EpochPrinter;
import dev.beak.examples.Example;
import dev.beak.examples.ExampleResult;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.zoo.AlexNet;
import dev.beak.nn.zoo.NetworkOptions;
import dev.beak.ops.Ops;
import dev.beak.ops.ResizeOp;
import dev.beak.tensor.Tensor;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed program TFLearn's AlexNet ({@code examples/images/alexnet.py}): the zoo's
 * {@link AlexNet#tflearn} layout unchanged (conv 96 11x11/4, max pool 3/2, LRN, conv 256 5x5, max pool
 * 3/2, LRN, conv 384, 384, 256 3x3, max pool 3/2, LRN, dense 4096 tanh, dropout 0.5, dense 4096 tanh,
 * dropout 0.5, softmax; SAME padding), every layer {@value #WIDTH} as wide for a 2-core CPU, on
 * Fashion-MNIST (Debian's {@code dataset-fashion-mnist}) upscaled bilinearly from 28x28 to
 * {@value #SIZE}x{@value #SIZE}, so that the 11x11 stride-4 stem spans 5.5 original pixels in steps of 2
 * (on 28x28 it would leave a 7x7 map after one layer). Adam 1e-3 instead of TFLearn's momentum SGD.
 *
 * <p>Baselines: the majority class, and softmax regression on the 28x28 pixels trained to near
 * convergence (at least {@value Baselines#CONVERGED_STEPS} Adam steps). The quick run (a minute of CPU) beats the
 * majority class only and says so; the full run is the one measured against softmax regression.
 */
public final class AlexNetFashion implements Example {
    /** Input side: 28 upscaled twice. */
    static final int SIZE = 56;
    /** TFLearn's widths / 8: 12, 32, 48, 48, 32 filters, dense 512. */
    static final float WIDTH = 0.125f;
    private static final int CLASSES = 10, BATCH = 64;

    @Override public String name() { return "alexnet"; }

    @Override public String description() {
        return "seed program: TFLearn's AlexNet (LRN, tanh dense layers; 1/8 width) on Fashion-MNIST upscaled to " + SIZE + "x" + SIZE;
    }

    @Override public String data() { return "Fashion-MNIST from Debian's dataset-fashion-mnist (MIT)"; }

    @Override public List<String> packages() { return List.of("dataset-fashion-mnist"); }

    @Override
    public ExampleResult run(boolean quick, long seed, PrintWriter log) throws Exception {
        long t0 = System.nanoTime();
        Path dir = LocalData.find(PublicDataset.FASHION_MNIST, "install Debian's package dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
        TensorDataset train = Mnist.loadDir(dir, "train"), test = Mnist.loadDir(dir, "test");
        if (quick) {
            train = train.slice(0, 8000);
            test = test.slice(0, 2000);
        }
        int epochs = quick ? 3 : 10;
        log.printf(Locale.ROOT, "%,d training and %,d test images of Fashion-MNIST, upscaled to %dx%d%n", train.size(), test.size(), SIZE, SIZE);

        Model alexnet = network(seed).compile(new Adam(1e-3), new CrossEntropy());
        double accuracy = alexnet.fit(upscale(train, SIZE), FitOptions.epochs(epochs).batchSize(BATCH).seed(seed).validation(upscale(test, SIZE))
                .listener(new EpochPrinter("alexnet", log))).last().get("val_accuracy");

        int baselineEpochs = Baselines.convergedEpochs(train.size());
        double softmax = Baselines.softmaxRegression(train, test, CLASSES, baselineEpochs, seed), majority = Baselines.majority(train, test, CLASSES);
        log.printf(Locale.ROOT, "softmax regression on the pixels (%d epochs): test accuracy %.4f%n", baselineEpochs, softmax);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return quick
                ? new ExampleResult(name(), accuracy, majority, "majority class (the quick run does not beat softmax regression)", train.size(),
                        test.size(), seconds, Map.of("softmax_regression", softmax))
                : new ExampleResult(name(), accuracy, softmax, "softmax regression on the 28x28 pixels", train.size(), test.size(), seconds,
                        Map.of("majority_class", majority));
    }

    /** TFLearn's AlexNet at width {@value #WIDTH} for one-channel {@value #SIZE}x{@value #SIZE} images and 10 classes. */
    public static Model network(long seed) {
        return AlexNet.tflearn(NetworkOptions.imageNet().withClasses(CLASSES).withInputShape(1, SIZE, SIZE).withWidth(WIDTH).withSeed(seed));
    }

    /** The images of {@code d} resized to {@code size}x{@code size} by bilinear interpolation (half-pixel centres); labels kept. */
    static TensorDataset upscale(TensorDataset d, int size) {
        int n = d.size(), c = d.sampleShape()[0], plane = c * size * size, chunk = 1000;
        float[] out = new float[n * plane];
        try (var noGrad = Autograd.noGrad()) {
            for (int from = 0; from < n; from += chunk) {
                Tensor x = d.slice(from, Math.min(n, from + chunk)).x();
                Tensor y = Ops.resize(x, new int[] {x.dim(0), c, size, size}, null, ResizeOp.Interpolation.LINEAR,
                        ResizeOp.CoordinateMode.HALF_PIXEL, ResizeOp.NearestMode.ROUND_PREFER_FLOOR);
                System.arraycopy(y.data(), 0, out, from * plane, y.size());
            }
        }
        return new TensorDataset(Tensor.of(out, n, c, size, size), d.y());
    }
}
