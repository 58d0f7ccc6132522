package dev.beak.spark;

import dev.beak.dataset.Batch;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The training samples one partition holds: their global indices (ascending), inputs and labels, as
 * the data source gives them (before fitted preprocessing). A round picks from it the members of the
 * global batch ({@link #shard}).
 *
 * <p>Shapes: x (n, sampleShape...), y (n, labelShape...), indices (n,).
 */
public record SampleBlock(int[] indices, float[] x, float[] y, int[] sampleShape, int[] labelShape) implements Serializable {
    public SampleBlock {
        int n = indices.length;
        if (x.length != n * Shape.size(sampleShape) || y.length != n * Shape.size(labelShape)) {
            throw new IllegalArgumentException("a block of " + n + " samples " + Shape.toString(sampleShape) + " needs " + n * Shape.size(sampleShape)
                    + " input and " + n * Shape.size(labelShape) + " label values, got " + x.length + " and " + y.length);
        }
        for (int i = 1; i < n; i++) {
            if (indices[i] <= indices[i - 1]) throw new IllegalArgumentException("block indices must ascend: " + indices[i - 1] + " then " + indices[i]);
        }
    }

    /** The samples of {@code data} whose indices are {@code indices} (ascending), numbered by those indices. */
    public static SampleBlock of(TensorDataset data, int[] indices) {
        int[] xs = data.sampleShape(), ys = data.labelShape();
        int sx = Shape.size(xs), sy = Shape.size(ys);
        float[] x = new float[indices.length * sx], y = new float[indices.length * sy];
        for (int i = 0; i < indices.length; i++) data.copy(indices[i], x, i * sx, y, i * sy);
        return new SampleBlock(indices.clone(), x, y, xs, ys);
    }

    /** The samples at positions i with {@code i % parts == part}: partition {@code part}'s share of a block split {@code parts} ways. */
    public SampleBlock share(int part, int parts) {
        int n = (size() - part + parts - 1) / parts;
        int sx = Shape.size(sampleShape), sy = Shape.size(labelShape);
        int[] idx = new int[Math.max(n, 0)];
        float[] bx = new float[idx.length * sx], by = new float[idx.length * sy];
        for (int k = 0; k < idx.length; k++) {
            int i = part + k * parts;
            idx[k] = indices[i];
            System.arraycopy(x, i * sx, bx, k * sx, sx);
            System.arraycopy(y, i * sy, by, k * sy, sy);
        }
        return new SampleBlock(idx, bx, by, sampleShape, labelShape);
    }

    public int size() {
        return indices.length;
    }

    /**
     * The members of the global batch {@code batch} (sample indices, any order) that this block holds,
     * in this block's order, or null when it holds none.
     */
    public Batch shard(int[] batch) {
        int[] rows = new int[batch.length];
        int k = 0;
        for (int index : batch) {
            int at = Arrays.binarySearch(indices, index);
            if (at >= 0) rows[k++] = at;
        }
        if (k == 0) return null;
        Arrays.sort(rows, 0, k);
        int sx = Shape.size(sampleShape), sy = Shape.size(labelShape);
        float[] bx = new float[k * sx], by = new float[k * sy];
        for (int i = 0; i < k; i++) {
            System.arraycopy(x, rows[i] * sx, bx, i * sx, sx);
            System.arraycopy(y, rows[i] * sy, by, i * sy, sy);
        }
        return new Batch(Tensor.of(bx, Shape.prepend(k, sampleShape)), Tensor.of(by, Shape.prepend(k, labelShape)));
    }

    /** Every sample of the block in order, for inference. */
    public Tensor inputs() {
        return Tensor.of(x, Shape.prepend(size(), sampleShape));
    }
}
