package dev.beak.data.loader;

import dev.beak.data.BadSampleException;
import dev.beak.data.SkipReport;
import dev.beak.data.augment.Augmentation;
import dev.beak.data.image.FloatImage;
import dev.beak.data.image.ImageDataset;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.Batch;
import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batches for training, assembled on background threads: each batch's samples are read (decoded, for
 * an {@link ImageDataset}), augmented, preprocessed and packed by one worker while training consumes
 * earlier batches. At most {@code prefetch} batches are in flight, so memory stays bounded whatever the
 * dataset size.
 *
 * <p>Determinism: the epoch's order is {@link Batches}' (seed, epoch) shuffle, and sample {@code i}
 * of epoch {@code e} is augmented with a generator seeded from (seed, e, i) alone, so batches are the
 * same for any thread count. A bad sample fails the epoch with its file's name, or, with a
 * {@link SkipReport}, is dropped from its batch and reported.
 *
 * {@snippet :
 * try (DataLoader loader = DataLoader.builder(train).batchSize(32).shuffle(42)
 *         .augment(Augmentations.flipHorizontal()).preprocess(p).threads(2).build()) {
 *     model.fit(loader, FitOptions.epochs(10).validation(validation));
 * }
 * }
 *
 * <p>Shapes: batch x (N, ...) with the augmented sample shape, y (N) or (N, K).
 */
public final class DataLoader implements BatchSource, AutoCloseable {
    private final Dataset dataset;
    private final int batchSize, threads, prefetch;
    private final boolean shuffle, dropLast;
    private final long seed;
    private final Augmentation augmentation;
    private final Preprocessing preprocessing;
    private final SkipReport skipReport;
    private final int[] sampleShape;
    private ExecutorService pool;
    private ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();

    private DataLoader(Builder b) {
        this.dataset = b.dataset;
        this.batchSize = b.batchSize;
        this.threads = b.threads;
        this.prefetch = Math.max(b.prefetch, 1);
        this.shuffle = b.shuffle;
        this.dropLast = b.dropLast;
        this.seed = b.seed;
        this.augmentation = b.augmentation;
        this.preprocessing = b.preprocessing;
        this.skipReport = b.skipReport;
        int[] in = dataset.sampleShape();
        if (augmentation != null && in.length != 3) {
            throw new IllegalArgumentException("augmentation works on images (C, H, W); the samples are " + Shape.toString(in));
        }
        this.sampleShape = augmentation == null ? in : augmentation.outputShape(in);
        if (skipReport != null && dataset instanceof ImageDataset images) images.folder().problems().forEach(skipReport::add);
    }

    public static Builder builder(Dataset dataset) {
        return new Builder(dataset);
    }

    /** Options of a loader; defaults: batch 32, no shuffle, keep the last batch, 2 threads, 4 batches prefetched. */
    public static final class Builder {
        private final Dataset dataset;
        private int batchSize = 32, threads = 2, prefetch = 4;
        private boolean shuffle, dropLast;
        private long seed;
        private Augmentation augmentation;
        private Preprocessing preprocessing = Preprocessing.NONE;
        private SkipReport skipReport;

        private Builder(Dataset dataset) {
            this.dataset = dataset;
        }

        public Builder batchSize(int n) {
            if (n < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + n);
            batchSize = n;
            return this;
        }

        /** Shuffles every epoch, seeded. */
        public Builder shuffle(long seed) {
            this.shuffle = true;
            this.seed = seed;
            return this;
        }

        /** Seeds augmentation without shuffling. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder dropLast(boolean drop) {
            dropLast = drop;
            return this;
        }

        /** Worker threads; 0 assembles batches on the calling thread. */
        public Builder threads(int n) {
            if (n < 0) throw new IllegalArgumentException("threads must be >= 0, got " + n);
            threads = n;
            return this;
        }

        /** Batches prepared ahead of the consumer (the memory bound). */
        public Builder prefetch(int n) {
            if (n < 1) throw new IllegalArgumentException("prefetch must be >= 1, got " + n);
            prefetch = n;
            return this;
        }

        public Builder augment(Augmentation a) {
            augmentation = a;
            return this;
        }

        public Builder preprocess(Preprocessing p) {
            preprocessing = p == null ? Preprocessing.NONE : p;
            return this;
        }

        /** Skips bad samples, listing them in {@code report}, instead of failing. */
        public Builder skipBad(SkipReport report) {
            skipReport = report;
            return this;
        }

        public DataLoader build() {
            if (dataset.size() == 0) throw new IllegalArgumentException("the dataset is empty");
            return new DataLoader(this);
        }
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    @Override
    public int batchCount() {
        return order(1).count();
    }

    public Dataset dataset() {
        return dataset;
    }

    private Batches order(int epoch) {
        return new Batches(dataset, batchSize, shuffle, seed, epoch, dropLast);
    }

    @Override
    public Iterable<Batch> epoch(int epoch) {
        return () -> iterator(epoch);
    }

    private synchronized Iterator<Batch> iterator(int epoch) {
        cancelPending();
        Batches plan = order(epoch);
        int[] idx = plan.order();
        int count = plan.count();
        if (threads > 0 && pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "beak-loader");
                t.setDaemon(true);
                return t;
            });
        }
        ArrayDeque<Future<Batch>> queue = new ArrayDeque<>();
        pending = queue;
        return new Iterator<>() {
            int submitted = 0, taken = 0;
            Batch next;

            private void fill() {
                while (threads > 0 && submitted < count && queue.size() < prefetch) {
                    int b = submitted++;
                    queue.add(pool.submit(() -> assemble(idx, b, epoch)));
                }
            }

            @Override
            public boolean hasNext() {
                while (next == null && taken < count) {
                    Batch b;
                    if (threads == 0) {
                        b = assemble(idx, taken, epoch);
                    } else {
                        fill();
                        b = await(queue.poll());
                    }
                    taken++;
                    fill();
                    if (b.size() > 0) next = b; // a batch whose samples were all bad is left out
                }
                return next != null;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                Batch b = next;
                next = null;
                return b;
            }
        };
    }

    /** Reads, augments, preprocesses and packs batch {@code b} of the epoch. */
    private Batch assemble(int[] idx, int b, int epoch) {
        int from = b * batchSize, to = Math.min(idx.length, from + batchSize);
        int[] inShape = dataset.sampleShape(), ys = dataset.labelShape();
        int inPer = Shape.size(inShape), outPer = Shape.size(sampleShape), yPer = Shape.size(ys);
        float[] x = new float[(to - from) * outPer], y = new float[(to - from) * yPer], one = new float[inPer];
        int n = 0;
        for (int k = from; k < to; k++) {
            int i = idx[k];
            try {
                dataset.copy(i, one, 0, y, n * yPer);
            } catch (BadSampleException e) {
                if (skipReport == null) throw e;
                skipReport.add(e.problem());
                continue;
            }
            float[] sample = one;
            if (augmentation != null) {
                SplittableRandom rng = new SplittableRandom(mix(seed, epoch, i));
                sample = augmentation.apply(new FloatImage(inShape[0], inShape[1], inShape[2], one.clone()), rng).data();
            }
            System.arraycopy(sample, 0, x, n * outPer, outPer);
            n++;
        }
        if (n < to - from) {
            x = Arrays.copyOf(x, n * outPer);
            y = Arrays.copyOf(y, n * yPer);
        }
        preprocessing.transform(x, n);
        return new Batch(Tensor.of(x, Shape.prepend(n, sampleShape)), Tensor.of(y, Shape.prepend(n, ys)));
    }

    /** A well-spread 64-bit seed from (seed, epoch, sample index). */
    static long mix(long seed, int epoch, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Batch await(Future<Batch> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
    }

    private void cancelPending() {
        for (Future<Batch> f : pending) f.cancel(true);
        pending.clear();
    }

    /** Stops the worker threads; batches still in flight are dropped. */
    @Override
    public synchronized void close() {
        cancelPending();
        if (pool != null) pool.shutdownNow();
        pool = null;
    }
}
