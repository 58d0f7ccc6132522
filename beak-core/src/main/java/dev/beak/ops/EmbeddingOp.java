package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Embedding lookup laid out for 1-d convolution: each token id picks a row of the table, and the rows
 * become the channels of a sequence (Bengio et al., 2003, "A Neural Probabilistic Language Model").
 *
 * <p>Shapes: ids (N, L) holding whole numbers in [0, V); table (V, D) (Keras' and PyTorch's layout);
 * y (N, D, L) with {@code y[n, d, l] = table[ids[n, l], d]}, channels first so that a {@code Conv1d}
 * reads it directly. Backward: a scatter-add of {@code dy} into the rows that were read; the row of
 * {@code paddingIndex} (when {@code >= 0}) gets no gradient (PyTorch's padding_idx), so it stays as
 * initialised. The ids get no gradient. The reference is {@code transpose(gather(table, ids, 0))}.
 */
public final class EmbeddingOp {
    private EmbeddingOp() {}

    public static Tensor apply(Tensor ids, Tensor table, int paddingIndex) {
        if (ids.rank() != 2 || table.rank() != 2) {
            throw new IllegalArgumentException("embedding expects ids (N, L) and a table (V, D), got ids "
                    + Shape.toString(ids.shape()) + " and table " + Shape.toString(table.shape()));
        }
        int n = ids.dim(0), len = ids.dim(1), v = table.dim(0), d = table.dim(1);
        int[] rows = rows(ids, v);
        float[] w = table.data(), y = new float[n * d * len];
        // Each token's row is contiguous in the table; it is written with stride L into its column of y.
        for (int s = 0; s < n; s++) {
            for (int l = 0; l < len; l++) {
                int src = rows[s * len + l] * d, dst = s * d * len + l;
                for (int c = 0; c < d; c++) y[dst + c * len] = w[src + c];
            }
        }
        return Autograd.record(Tensor.of(y, n, d, len), "Embedding", dy -> {
            if (!table.requiresGrad()) return;
            float[] dw = table.gradBuffer();
            for (int s = 0; s < n; s++) {
                for (int l = 0; l < len; l++) {
                    int row = rows[s * len + l];
                    if (row == paddingIndex) continue;
                    int dst = row * d, src = s * d * len + l;
                    for (int c = 0; c < d; c++) dw[dst + c] += dy[src + c * len];
                }
            }
        }, table);
    }

    /** The ids as row numbers, checked: each a whole number in [0, v). */
    static int[] rows(Tensor ids, int v) {
        float[] iv = ids.data();
        int len = ids.dim(1);
        int[] rows = new int[iv.length];
        for (int i = 0; i < iv.length; i++) {
            float id = iv[i];
            if (!(id >= 0 && id < v) || id != (int) id) {
                throw new IllegalArgumentException("embedding: token id " + id + " (sample " + i / len + ", position " + i % len
                        + ") is outside the vocabulary of " + v + " rows (ids 0.." + (v - 1) + ")");
            }
            rows[i] = (int) id;
        }
        return rows;
    }
}
