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
        if (!dev.beak.autograd.Autograd.needsGrad(x)) return strided(x, out, stride);
        int[] src = IndexCopyOp.build(out, c -> {
            int s = 0;
            for (int i = 0; i < c.length; i++) s += c[i] * stride[i];
            return s;
        });
        return IndexCopyOp.apply("Transpose", x, out, src, 0f);
    }

    /**
     * Without a gradient to record: the output in order, a run along its last axis at a time, read from x
     * with that axis's stride, and no index map. Trailing axes that stay contiguous are merged first, so
     * a channel shuffle (which keeps each H x W plane) copies whole planes.
     */
    private static Tensor strided(Tensor x, int[] shape, int[] strides) {
        int size = dev.beak.tensor.Shape.size(shape);
        float[] in = x.data(), y = dev.beak.tensor.Workspace.floats(size);
        if (shape.length == 0 || size == 0) {
            if (size > 0) y[0] = in[0];
            return Tensor.of(y, shape);
        }
        int r = shape.length;
        int[] out = shape.clone(), stride = strides.clone();
        while (r > 1 && stride[r - 2] == stride[r - 1] * out[r - 1]) {
            out[r - 2] *= out[r - 1];
            stride[r - 2] = stride[r - 1];
            r--;
        }
        int run = out[r - 1], step = stride[r - 1];
        int[] counter = new int[r];
        for (int at = 0, from = 0; at < size; at += run) {
            if (step == 1) System.arraycopy(in, from, y, at, run);
            else for (int j = 0; j < run; j++) y[at + j] = in[from + j * step];
            // Advance the counter over the other axes, innermost first.
            for (int d = r - 2; d >= 0; d--) {
                from += stride[d];
                if (++counter[d] < out[d]) break;
                from -= stride[d] * out[d];
                counter[d] = 0;
            }
        }
        return Tensor.of(y, shape);
    }

    private static int[] reversed(int r) {
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = r - 1 - i;
        return p;
    }
}
