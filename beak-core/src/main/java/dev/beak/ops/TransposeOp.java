package dev.beak.ops;

import dev.beak.tensor.Tensor;

import java.util.Arrays;

/**
 * Permutes the axes of a tensor (numpy's {@code transpose}, ONNX Transpose).
 *
 * <p>Shapes: x (d0, ..., d(r-1)); y (d[perm[0]], ..., d[perm[r-1]]); output axis {@code i} is input
 * axis {@code perm[i]}. An empty {@code perm} reverses the axes. The gradient is the inverse permutation.
 */
public final class TransposeOp {
    private TransposeOp() {}

    public static Tensor apply(Tensor x, int... perm) {
        int r = x.rank();
        int[] p = perm.length == 0 ? reversed(r) : perm.clone();
        if (p.length != r) throw new IllegalArgumentException("transpose: perm " + Arrays.toString(perm) + " for a tensor of rank " + r);
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            p[i] = IndexCopyOp.axis("transpose", p[i], r);
            if (seen[p[i]]) throw new IllegalArgumentException("transpose: perm " + Arrays.toString(perm) + " is not a permutation");
            seen[p[i]] = true;
        }
        int[] in = x.shape(), inStrides = IndexCopyOp.strides(in), out = new int[r], stride = new int[r];
        for (int i = 0; i < r; i++) {
            out[i] = in[p[i]];
            stride[i] = inStrides[p[i]];
        }
        int[] src = IndexCopyOp.build(out, c -> {
            int s = 0;
            for (int i = 0; i < c.length; i++) s += c[i] * stride[i];
            return s;
        });
        return IndexCopyOp.apply("Transpose", x, out, src, 0f);
    }

    private static int[] reversed(int r) {
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = r - 1 - i;
        return p;
    }
}
