package dev.beak.dataset;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * One epoch's batches over a dataset, in order or shuffled. A shuffled epoch's order depends only on
 * {@code seed} and {@code epoch}, so runs repeat exactly.
 */
public record Batches(Dataset dataset, int batchSize, boolean shuffle, long seed, int epoch, boolean dropLast)
        implements Iterable<Batch>, BatchSource {

    public Batches {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }

    /** Batches in dataset order, the last one possibly smaller. */
    public static Batches inOrder(Dataset dataset, int batchSize) {
        return new Batches(dataset, batchSize, false, 0, 0, false);
    }

    /** Shuffled batches for epoch {@code epoch} of a run seeded with {@code seed}. */
    public static Batches shuffled(Dataset dataset, int batchSize, long seed, int epoch) {
        return new Batches(dataset, batchSize, true, seed, epoch, false);
    }

    @Override
    public int[] sampleShape() {
        return dataset.sampleShape();
    }

    @Override
    public int[][] sampleShapes() {
        return dataset.sampleShapes();
    }

    @Override
    public int targetCount() {
        return dataset.labelShapes().length;
    }

    @Override
    public int batchCount() {
        return count();
    }

    /** The same batching for another epoch (a fresh order when shuffled). */
    @Override
    public Batches epoch(int epoch) {
        return new Batches(dataset, batchSize, shuffle, seed, epoch, dropLast);
    }

    public int count() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The sample order of this epoch (Fisher-Yates with a per-epoch seed). */
    public int[] order() {
        return shuffle ? order(dataset.size(), seed, epoch) : inOrder(dataset.size());
    }

    /**
     * The shuffled order of {@code n} samples in epoch {@code epoch} of a run seeded {@code seed}: what a
     * shuffled {@code Batches} walks, for trainers that cut the same batches without holding the data.
     */
    public static int[] order(int n, long seed, int epoch) {
        int[] idx = inOrder(n);
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    private static int[] inOrder(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }

    @Override
    public Iterator<Batch> iterator() {
        int[] idx = order();
        int count = count();
        int[][] xs = dataset.sampleShapes(), ys = dataset.labelShapes();
        return new Iterator<>() {
            int b = 0;

            @Override
            public boolean hasNext() {
                return b < count;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                int from = b * batchSize, to = Math.min(idx.length, from + batchSize), n = to - from;
                float[][] x = new float[xs.length][], y = new float[ys.length][];
                for (int k = 0; k < xs.length; k++) x[k] = new float[n * Shape.size(xs[k])];
                for (int k = 0; k < ys.length; k++) y[k] = new float[n * Shape.size(ys[k])];
                for (int i = 0; i < n; i++) dataset.copy(idx[from + i], x, y, i);
                b++;
                List<Tensor> inputs = new ArrayList<>(), targets = new ArrayList<>();
                for (int k = 0; k < xs.length; k++) inputs.add(Tensor.of(x[k], Shape.prepend(n, xs[k])));
                for (int k = 0; k < ys.length; k++) targets.add(Tensor.of(y[k], Shape.prepend(n, ys[k])));
                return new Batch(inputs, targets);
            }
        };
    }
}
