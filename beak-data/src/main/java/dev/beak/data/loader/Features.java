package dev.beak.data.loader;

import dev.beak.data.DataFileException;
import dev.beak.dataset.Batch;
import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Feature caching for transfer learning: runs a frozen network over a dataset once and keeps its
 * outputs, with the labels, as a new dataset, in memory or in a file, so that a small classifier
 * trains on them without running the network every epoch. The network is any function from a batch
 * to a batch of outputs, so this module needs no dependency on beak-nn:
 *
 * {@snippet :
 * Function<Tensor, Tensor> base = x -> convBase.predict(x, 64);   // a beak-nn Model, frozen
 * TensorDataset features = Features.compute(train, base, 64);      // (N, 512, 4, 4) and the labels
 * }
 */
public final class Features {
    private Features() {}

    /** The outputs of {@code network} for every sample, in order, with the labels, held in memory. */
    public static TensorDataset compute(Dataset data, Function<Tensor, Tensor> network, int batchSize) {
        float[] x = null, y = new float[data.size() * Shape.size(data.labelShape())];
        int[] outShape = null;
        int done = 0;
        for (Batch b : Batches.inOrder(data, batchSize)) {
            Tensor out = network.apply(b.x());
            if (x == null) {
                outShape = Shape.dropFirst(out.shape());
                x = new float[Math.multiplyExact(data.size(), Shape.size(outShape))];
            }
            checkBatch(out, b, outShape);
            System.arraycopy(out.data(), 0, x, done * Shape.size(outShape), out.size());
            System.arraycopy(b.y().data(), 0, y, done * Shape.size(data.labelShape()), b.y().size());
            done += b.size();
        }
        if (x == null) throw new IllegalArgumentException("the dataset is empty");
        return new TensorDataset(Tensor.of(x, Shape.prepend(done, outShape)), Tensor.of(y, Shape.prepend(done, data.labelShape())));
    }

    /**
     * The outputs of {@code network} for {@code passes} epochs of {@code source} (epochs 1, 2, ...), with
     * the labels, in memory: with an augmenting loader each pass sees other random variants of every
     * image, so a head trained on the result sees {@code passes} augmented copies of the data set
     * (the notes' cheaper alternative to augmenting through a frozen base every epoch); with one
     * pass and no augmentation it is {@link #compute(Dataset, Function, int)} in the source's order.
     */
    public static TensorDataset compute(BatchSource source, int passes, Function<Tensor, Tensor> network) {
        if (passes < 1) throw new IllegalArgumentException("feature passes must be >= 1, got " + passes);
        List<float[]> xs = new ArrayList<>(), ys = new ArrayList<>();
        int[] outShape = null, labelShape = null;
        int count = 0;
        for (int pass = 1; pass <= passes; pass++) {
            for (Batch b : source.epoch(pass)) {
                Tensor out = network.apply(b.x());
                if (outShape == null) {
                    outShape = Shape.dropFirst(out.shape());
                    labelShape = Shape.dropFirst(b.y().shape());
                }
                checkBatch(out, b, outShape);
                xs.add(out.data().clone());
                ys.add(b.y().data().clone());
                count += b.size();
            }
        }
        if (outShape == null) throw new IllegalArgumentException("the batch source is empty");
        return new TensorDataset(Tensor.of(concat(xs), Shape.prepend(count, outShape)), Tensor.of(concat(ys), Shape.prepend(count, labelShape)));
    }

    private static float[] concat(List<float[]> parts) {
        float[] all = new float[Math.toIntExact(parts.stream().mapToLong(a -> a.length).sum())];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }

    /**
     * The same, written batch by batch to {@code file} (so the features need not fit in memory) and
     * opened as a memory-mapped dataset. The file is written atomically (temporary file, then move).
     */
    public static FeatureFile computeToFile(Dataset data, Function<Tensor, Tensor> network, int batchSize, Path file) throws IOException {
        Path xTmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".features-x", ".tmp");
        Path out = Files.createTempFile(file.toAbsolutePath().getParent(), ".features", ".tmp");
        try {
            int[] outShape = null;
            int done = 0;
            float[] labels = new float[data.size() * Shape.size(data.labelShape())];
            try (OutputStream xs = new BufferedOutputStream(Files.newOutputStream(xTmp), 1 << 16)) {
                for (Batch b : Batches.inOrder(data, batchSize)) {
                    Tensor o = network.apply(b.x());
                    if (outShape == null) outShape = Shape.dropFirst(o.shape());
                    checkBatch(o, b, outShape);
                    xs.write(FeatureFile.littleEndian(o.data()));
                    System.arraycopy(b.y().data(), 0, labels, done * Shape.size(data.labelShape()), b.y().size());
                    done += b.size();
                }
            }
            if (outShape == null) throw new IllegalArgumentException("the dataset is empty");
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                os.write(FeatureFile.header(done, outShape, data.labelShape()));
                Files.copy(xTmp, os);
                os.write(FeatureFile.littleEndian(labels));
            }
            Files.move(out, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(xTmp);
            Files.deleteIfExists(out);
        }
        return FeatureFile.open(file);
    }

    private static void checkBatch(Tensor out, Batch b, int[] outShape) {
        if (out.rank() < 1 || out.dim(0) != b.size() || !java.util.Arrays.equals(Shape.dropFirst(out.shape()), outShape)) {
            throw new IllegalArgumentException("the network turned a batch of " + b.size() + " into " + Shape.toString(out.shape())
                    + "; expected (" + b.size() + ", " + Shape.toString(outShape).replaceAll("[()]", "") + ")");
        }
    }

    static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static DataFileException bad(Path file, String problem) {
        return new DataFileException(file.toString(), problem);
    }
}
