package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.Arrays;

/**
 * Sum, mean or maximum over chosen axes (ONNX ReduceSum, ReduceMean, ReduceMax).
 *
 * <p>Shapes: x (d0, ..., d(r-1)); the reduced axes become 1 with {@code keepDims}, else disappear;
 * no axes means every axis. Backward: sum copies the output gradient to every reduced input, mean
 * also divides by the count, max sends it to the first maximum.
 */
public final class ReduceOp {
    private ReduceOp() {}

    /** The reductions. */
    public enum Kind { SUM, MEAN, MAX }

    public static Tensor apply(Kind kind, Tensor x, int[] axes, boolean keepDims) {
        int r = x.rank();
        boolean[] reduced = new boolean[r];
        if (axes == null || axes.length == 0) Arrays.fill(reduced, true);
        else for (int a : axes) reduced[IndexCopyOp.axis("reduce", a, r)] = true;
        int[] in = x.shape(), kept = in.clone();
        int outCount = 0;
        for (int i = 0; i < r; i++) {
            if (reduced[i]) kept[i] = 1;
            if (!reduced[i] || keepDims) outCount++;
        }
        int[] out = new int[outCount];
        for (int i = 0, j = 0; i < r; i++) if (!reduced[i] || keepDims) out[j++] = kept[i];
        int[] keptStrides = IndexCopyOp.strides(kept);
        // For every input position, the output position it is reduced into.
        int[] dst = IndexCopyOp.build(in, c -> {
            int s = 0;
            for (int i = 0; i < r; i++) if (!reduced[i]) s += c[i] * keptStrides[i];
            return s;
        });
        int n = Shape.size(kept);
        float[] xv = x.data();
        double[] acc = new double[n];
        int[] arg = kind == Kind.MAX ? new int[n] : null;
        if (arg != null) {
            Arrays.fill(acc, Double.NEGATIVE_INFINITY);
            Arrays.fill(arg, -1);
        }
        for (int i = 0; i < xv.length; i++) {
            int o = dst[i];
            if (arg == null) acc[o] += xv[i];
            else if (xv[i] > acc[o] || arg[o] < 0 || Float.isNaN(xv[i])) {
                if (arg[o] >= 0 && Double.isNaN(acc[o])) continue;
                acc[o] = xv[i];
                arg[o] = i;
            }
        }
        int count = n == 0 ? 1 : Math.max(1, xv.length / n);
        float[] y = new float[n];
        for (int o = 0; o < n; o++) y[o] = (float) (kind == Kind.MEAN ? acc[o] / count : acc[o]);
        String name = "Reduce" + kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return Autograd.record(Tensor.of(y, out), name, dy -> {
            float[] dx = x.gradBuffer();
            if (arg != null) {
                for (int o = 0; o < n; o++) if (arg[o] >= 0) dx[arg[o]] += dy[o];
                return;
            }
            float scale = kind == Kind.MEAN ? 1f / count : 1f;
            for (int i = 0; i < dx.length; i++) dx[i] += dy[dst[i]] * scale;
        }, x);
    }
}
