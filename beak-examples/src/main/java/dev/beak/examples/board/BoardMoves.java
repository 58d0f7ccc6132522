package dev.beak.examples.board;

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
import dev.beak.tensor.Tensor;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The notes' board-game network (AlphaGo's policy network): a stack of 3x3 convolutions with SAME
 * padding and no pooling, ending in a 1x1 convolution that scores every point, learns the exactly right
 * move of four-in-a-row positions ({@link FourInARow}). Beside it the same data trains a network with
 * max pooling (conv, pool, conv, pool, dense), which has to recover from a coarse map where a stone
 * stands: the notes' point that pooling throws position away. Input planes: own stones, opponent's
 * stones, ones (so that the convolutions see the edge). Baseline: the most frequent point.
 */
public final class BoardMoves implements Example {
    static final int SIZE = 8;

    @Override public String name() { return "board-moves"; }

    @Override public String description() {
        return "the right move in four-in-a-row positions (8x8, exact 2-ply labels): convolutions without pooling, beside the same with pooling";
    }

    @Override public String data() { return "generated positions, labelled by an exact 2-ply search (no files)"; }

    @Override public List<String> packages() { return List.of(); }

    @Override
    public ExampleResult run(boolean quick, long seed, PrintWriter log) {
        long t0 = System.nanoTime();
        int trainN = quick ? 4000 : 20000, testN = quick ? 500 : 3000, epochs = quick ? 4 : 8;
        FourInARow game = new FourInARow(SIZE);
        SplittableRandom rng = new SplittableRandom(seed);
        TensorDataset train = dataset(game.positions(trainN, 12, rng)), test = dataset(game.positions(testN, 12, rng));
        log.printf(Locale.ROOT, "%d training and %d test positions, each with its one right move (2-ply search)%n", trainN, testN);
        log.flush();
        Model flat = noPooling(seed).compile(new Adam(2e-3), new CrossEntropy());
        double accuracy = flat.fit(train, FitOptions.epochs(epochs).batchSize(64).seed(seed).validation(test)
                .listener(new EpochPrinter("no pooling", log))).last().get("val_accuracy");
        Model pooled = withPooling(seed).compile(new Adam(2e-3), new CrossEntropy());
        double pooledAccuracy = pooled.fit(train, FitOptions.epochs(epochs).batchSize(64).seed(seed).validation(test)
                .listener(new EpochPrinter("with pooling", log))).last().get("val_accuracy");
        return new ExampleResult(name(), accuracy, Baselines.majority(train, test, SIZE * SIZE), "most frequent point", trainN, testN,
                (System.nanoTime() - t0) / 1e9, extra(pooledAccuracy, flat, pooled));
    }

    private static Map<String, Double> extra(double pooledAccuracy, Model flat, Model pooled) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("with_pooling_accuracy", pooledAccuracy);
        m.put("parameters", (double) flat.parameterCount());
        m.put("with_pooling_parameters", (double) pooled.parameterCount());
        return m;
    }

    /** Five 3x3 convolutions (receptive field 11x11) and a 1x1 convolution: one score per point, position kept throughout. */
    public static Model noPooling(long seed) {
        Sequential s = Sequential.of().named("board_no_pooling").seed(seed);
        for (int i = 0; i < 5; i++) s = s.add(Layers.conv2d(32, 3).withPadding(Padding.SAME).withActivation(Activation.RELU));
        return s.add(Layers.conv2d(1, 1)).add(Layers.flatten()).withInputShape(3, SIZE, SIZE);
    }

    /** The usual image-classifier shape: convolutions and 2x2 max pooling, then dense layers over the 2x2 map. */
    public static Model withPooling(long seed) {
        return Sequential.of(Layers.conv2d(32, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2),
                        Layers.conv2d(64, 3).withPadding(Padding.SAME).withActivation(Activation.RELU), Layers.maxPool2d(2),
                        Layers.flatten(), Layers.dense(128, Activation.RELU), Layers.dense(SIZE * SIZE))
                .named("board_with_pooling").seed(seed).withInputShape(3, SIZE, SIZE);
    }

    static TensorDataset dataset(List<FourInARow.Position> positions) {
        int n = positions.size(), points = SIZE * SIZE;
        float[] x = new float[n * 3 * points], y = new float[n];
        for (int i = 0; i < n; i++) {
            int[] b = positions.get(i).board();
            for (int p = 0; p < points; p++) {
                x[(i * 3) * points + p] = b[p] == FourInARow.OWN ? 1 : 0;
                x[(i * 3 + 1) * points + p] = b[p] == FourInARow.OPPONENT ? 1 : 0;
                x[(i * 3 + 2) * points + p] = 1;
            }
            y[i] = positions.get(i).move();
        }
        return new TensorDataset(Tensor.of(x, n, 3, SIZE, SIZE), Tensor.of(y, n));
    }
}
