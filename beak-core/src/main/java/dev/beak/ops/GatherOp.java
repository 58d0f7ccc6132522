package dev.beak.ops;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Picks entries along one axis by index (numpy's {@code take}, ONNX Gather); along axis 0 of a
 * (V, D) table it is an embedding lookup. Indices are held as floats (whole numbers); a negative
 * index counts from the end.
 *
 * <p>Shapes: x (d0, ..., d(r-1)); indices any shape I; y = x's shape with axis {@code a} replaced by I:
 * (d0, ..., d(a-1), I..., d(a+1), ...). Backward: a scatter-add into the rows that were read
 * (a row read twice gets both gradients). The indices get no gradient.
 */
public final class GatherOp {
    private GatherOp() {}

    public static Tensor apply(Tensor x, Tensor indices, int axis) {
        int r = x.rank(), a = IndexCopyOp.axis("gather", axis, r), d = x.dim(a);
        int[] in = x.shape(), idx = indices.shape();
        int[] out = new int[r - 1 + idx.length];
        System.arraycopy(in, 0, out, 0, a);
        System.arraycopy(idx, 0, out, a, idx.length);
        System.arraycopy(in, a + 1, out, a + idx.length, r - a - 1);
        float[] iv = indices.data();
        int[] rows = new int[iv.length];
        for (int i = 0; i < iv.length; i++) {
            long k = (long) iv[i];
            if (k != iv[i] || k < -d || k >= d) {
                throw new IllegalArgumentException("gather: index " + iv[i] + " is out of range for axis " + a + " of "
                        + Shape.toString(in) + " (size " + d + ")");
            }
            rows[i] = (int) (k < 0 ? k + d : k);
        }
        int outer = 1, inner = 1;
        for (int i = 0; i < a; i++) outer *= in[i];
        for (int i = a + 1; i < r; i++) inner *= in[i];
        int[] src = new int[outer * rows.length * inner];
        int o = 0;
        for (int p = 0; p < outer; p++) {
            for (int row : rows) {
                int base = (p * d + row) * inner;
                for (int q = 0; q < inner; q++) src[o++] = base + q;
            }
        }
        return IndexCopyOp.apply("Gather", x, out, src, 0f);
    }
}
