package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Convolution over any number of spatial axes (used for 3-d; 2-d has the faster {@link Conv2dOp}),
 * computed directly from the window table of {@link WindowNd}, with strides, dilation and
 * asymmetric padding.
 *
 * <p>Shapes: x (N, C, D1..Dk); w (F, C, K1..Kk); b (F) or null; y (N, F, O1..Ok) with O as in
 * {@link WindowNd}. Forward: {@code y[n,f,p] = b[f] + sum_{c,q} w[f,c,q] * x[n,c,table[p,q]]}.
 * Backward: {@code dw[f,c,q] += dy[n,f,p] * x[n,c,table[p,q]]}, {@code dx[n,c,table[p,q]] += dy * w},
 * {@code db[f] += sum dy[n,f,:]}.
 */
public final class ConvNdOp {
    private ConvNdOp() {}

    public static Tensor apply(Tensor x, Tensor w, Tensor b, int[] stride, int[] dilation, int[] before, int[] after) {
        int[] kernel = java.util.Arrays.copyOfRange(w.shape(), 2, w.rank());
        WindowNd g = new WindowNd(x.shape(), kernel, stride, dilation, before, after);
        int n = x.dim(0), c = x.dim(1), f = w.dim(0);
        if (w.dim(1) != c) {
            throw new IllegalArgumentException("conv: input has " + c + " channels, weights expect " + w.dim(1)
                    + " (input " + Shape.toString(x.shape()) + ", weights " + Shape.toString(w.shape()) + ")");
        }
        if (b != null && (b.rank() != 1 || b.dim(0) != f)) throw new IllegalArgumentException("conv bias must be (" + f + "), got " + Shape.toString(b.shape()));
        int[] table = g.table();
        int positions = Shape.size(g.output()), offsets = Shape.size(kernel), spatial = x.size() / Math.max(1, n * c);
        float[] xv = x.data(), wv = w.data(), y = new float[n * f * positions];
        for (int in = 0; in < n; in++) {
            for (int o = 0; o < f; o++) {
                float bias = b == null ? 0f : b.data()[o];
                for (int p = 0; p < positions; p++) {
                    double s = bias;
                    for (int ch = 0; ch < c; ch++) {
                        int xBase = (in * c + ch) * spatial, wBase = (o * c + ch) * offsets;
                        for (int q = 0; q < offsets; q++) {
                            int at = table[p * offsets + q];
                            if (at >= 0) s += xv[xBase + at] * wv[wBase + q];
                        }
                    }
                    y[(in * f + o) * positions + p] = (float) s;
                }
            }
        }
        return Autograd.record(Tensor.of(y, g.outputShape(f)), "ConvNd", dy -> {
            float[] dx = x.requiresGrad() ? x.gradBuffer() : null, dw = w.requiresGrad() ? w.gradBuffer() : null;
            float[] db = b != null && b.requiresGrad() ? b.gradBuffer() : null;
            for (int in = 0; in < n; in++) {
                for (int o = 0; o < f; o++) {
                    for (int p = 0; p < positions; p++) {
                        float g0 = dy[(in * f + o) * positions + p];
                        if (db != null) db[o] += g0;
                        for (int ch = 0; ch < c; ch++) {
                            int xBase = (in * c + ch) * spatial, wBase = (o * c + ch) * offsets;
                            for (int q = 0; q < offsets; q++) {
                                int at = table[p * offsets + q];
                                if (at < 0) continue;
                                if (dw != null) dw[wBase + q] += g0 * xv[xBase + at];
                                if (dx != null) dx[xBase + at] += g0 * wv[wBase + q];
                            }
                        }
                    }
                }
            }
        }, x, w, b);
    }
}
