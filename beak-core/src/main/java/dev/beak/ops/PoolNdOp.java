package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Average and p-norm pooling over any number of spatial axes with dilation and ceil mode (3-d pooling,
 * and dilated average pooling that {@link AvgPool2dOp} does not do), from the window table of
 * {@link WindowNd}. Ceil mode adds padding after each axis as {@link PoolWindow#ceilExtra} says.
 *
 * <p>Shapes: x (N, C, D1..Dk); y (N, C, O1..Ok). Average: the window's sum over its input values divided
 * by, with {@code countIncludePad}, the number of window taps inside the explicitly padded input (the
 * extra padding of ceil mode never counts), else the number of taps inside the input. p-norm:
 * {@code (sum |x|^p)^(1/p)}, padding adding nothing. Backward: the average spreads {@code dy / count}
 * over the window's inputs; the p-norm gives {@code dy * |x|^(p-1) * sign(x) / y^(p-1)} (zero where y = 0).
 */
public final class PoolNdOp {
    private PoolNdOp() {}

    public static Tensor avg(Tensor x, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after,
                             boolean ceilMode, boolean countIncludePad) {
        WindowNd g = window(x, kernel, stride, dilation, before, after, ceilMode);
        int k = kernel.length;
        int[] out = g.output(), coord = new int[k];
        int positions = Shape.size(out), offsets = Shape.size(kernel);
        float[] inv = new float[positions];
        for (int p = 0; p < positions; p++) {
            for (int a = k - 1, f = p; a >= 0; a--) {
                coord[a] = f % out[a];
                f /= out[a];
            }
            long count = 1;
            for (int a = 0; a < k; a++) {
                int lo = countIncludePad ? -before[a] : 0, hi = x.dim(a + 2) + (countIncludePad ? after[a] : 0), c = 0;
                for (int q = 0; q < kernel[a]; q++) {
                    int i = coord[a] * stride[a] - before[a] + q * dilation[a];
                    if (i >= lo && i < hi) c++;
                }
                count *= c;
            }
            inv[p] = count > 0 ? 1f / count : 0f;
        }
        int[] table = g.table();
        int planes = x.dim(0) * x.dim(1), spatial = x.size() / Math.max(1, planes);
        float[] xv = x.data(), y = new float[planes * positions];
        for (int pl = 0, o = 0; pl < planes; pl++) {
            for (int p = 0; p < positions; p++, o++) {
                double s = 0;
                for (int q = 0; q < offsets; q++) {
                    int at = table[p * offsets + q];
                    if (at >= 0) s += xv[pl * spatial + at];
                }
                y[o] = (float) (s * inv[p]);
            }
        }
        return Autograd.record(Tensor.of(y, g.outputShape(x.dim(1))), "AvgPoolNd", dy -> {
            float[] dx = x.gradBuffer();
            for (int pl = 0, o = 0; pl < planes; pl++) {
                for (int p = 0; p < positions; p++, o++) {
                    float d = dy[o] * inv[p];
                    for (int q = 0; q < offsets; q++) {
                        int at = table[p * offsets + q];
                        if (at >= 0) dx[pl * spatial + at] += d;
                    }
                }
            }
        }, x);
    }

    public static Tensor lp(Tensor x, float p, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after, boolean ceilMode) {
        if (!(p >= 1)) throw new IllegalArgumentException("LpPoolNd: p must be >= 1, got " + p);
        WindowNd g = window(x, kernel, stride, dilation, before, after, ceilMode);
        int[] table = g.table();
        int positions = Shape.size(g.output()), offsets = Shape.size(kernel);
        int planes = x.dim(0) * x.dim(1), spatial = x.size() / Math.max(1, planes);
        float[] xv = x.data(), y = new float[planes * positions];
        for (int pl = 0, o = 0; pl < planes; pl++) {
            for (int q0 = 0; q0 < positions; q0++, o++) {
                double s = 0;
                for (int q = 0; q < offsets; q++) {
                    int at = table[q0 * offsets + q];
                    if (at >= 0) s += Math.pow(Math.abs(xv[pl * spatial + at]), p);
                }
                y[o] = (float) (p == 2f ? Math.sqrt(s) : Math.pow(s, 1.0 / p));
            }
        }
        return Autograd.record(Tensor.of(y, g.outputShape(x.dim(1))), "LpPoolNd", dy -> {
            float[] dx = x.gradBuffer();
            for (int pl = 0, o = 0; pl < planes; pl++) {
                for (int q0 = 0; q0 < positions; q0++, o++) {
                    if (y[o] == 0f) continue;
                    double k = dy[o] / Math.pow(y[o], p - 1);
                    for (int q = 0; q < offsets; q++) {
                        int at = table[q0 * offsets + q];
                        if (at < 0) continue;
                        float v = xv[pl * spatial + at];
                        dx[pl * spatial + at] += (float) (k * Math.pow(Math.abs(v), p - 1) * Math.signum(v));
                    }
                }
            }
        }, x);
    }

    /** The window with ceil mode's extra padding added after each axis. */
    static WindowNd window(Tensor x, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after, boolean ceilMode) {
        int[] padded = after.clone();
        if (ceilMode) {
            for (int a = 0; a < kernel.length && a + 2 < x.rank(); a++) {
                padded[a] += PoolWindow.ceilExtra(x.dim(a + 2), before[a], after[a], kernel[a], stride[a], dilation[a]);
            }
        }
        return new WindowNd(x.shape(), kernel, stride, dilation, before, padded);
    }
}
