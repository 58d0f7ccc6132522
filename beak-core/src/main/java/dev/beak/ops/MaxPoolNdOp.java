package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Max pooling over any number of spatial axes with dilation (3-d pooling, and dilated pooling that
 * {@link MaxPool2dOp} does not do), from the window table of {@link WindowNd}. Padding never wins.
 *
 * <p>Shapes: x (N, C, D1..Dk); y (N, C, O1..Ok) with O as in {@link WindowNd}. Backward: each output
 * gradient goes to the input position that won (the first on ties). {@link #pool} also gives those
 * positions (flat indices into x) for ONNX's Indices output.
 */
public final class MaxPoolNdOp {
    private MaxPoolNdOp() {}

    /** The pooled values and, per output, the winning flat input index (over the whole tensor). */
    public record Result(Tensor values, int[] argmax) {}

    public static Tensor apply(Tensor x, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after) {
        return pool(x, kernel, stride, dilation, before, after).values();
    }

    public static Result pool(Tensor x, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after) {
        WindowNd g = new WindowNd(x.shape(), kernel, stride, dilation, before, after);
        int[] table = g.table();
        int planes = x.dim(0) * x.dim(1), positions = Shape.size(g.output()), offsets = Shape.size(kernel);
        int spatial = x.size() / Math.max(1, planes);
        float[] xv = x.data(), y = new float[planes * positions];
        int[] arg = new int[y.length];
        for (int pl = 0, o = 0; pl < planes; pl++) {
            for (int p = 0; p < positions; p++, o++) {
                float best = Float.NEGATIVE_INFINITY;
                int bestAt = -1;
                for (int q = 0; q < offsets; q++) {
                    int at = table[p * offsets + q];
                    if (at < 0) continue;
                    float v = xv[pl * spatial + at];
                    if (bestAt < 0 || v > best || Float.isNaN(v)) {
                        best = v;
                        bestAt = pl * spatial + at;
                        if (Float.isNaN(v)) break;
                    }
                }
                y[o] = best;
                arg[o] = bestAt;
            }
        }
        Tensor out = Autograd.record(Tensor.of(y, g.outputShape(x.dim(1))), "MaxPoolNd", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) if (arg[i] >= 0) dx[arg[i]] += dy[i];
        }, x);
        return new Result(out, arg);
    }
}
