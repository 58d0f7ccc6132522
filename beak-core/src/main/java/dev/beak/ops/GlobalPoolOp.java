package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Global max and average pooling over all spatial positions (Lin, Chen and Yan, 2013, "Network In
 * Network", for global average pooling).
 *
 * <p>Shapes: x (N, C, *); y (N, C). Max: the gradient goes to the first maximum; NaN propagates.
 */
public final class GlobalPoolOp {
    private GlobalPoolOp() {}

    public static Tensor max(Tensor x) {
        int planes = planes(x), s = x.size() / planes;
        float[] in = x.data(), y = new float[planes];
        int[] argmax = new int[planes];
        for (int pl = 0; pl < planes; pl++) {
            int best = pl * s;
            for (int o = best + 1, e = (pl + 1) * s; o < e && !Float.isNaN(in[best]); o++) if (in[o] > in[best] || Float.isNaN(in[o])) best = o;
            argmax[pl] = best;
            y[pl] = in[best];
        }
        return Autograd.record(Tensor.of(y, x.dim(0), x.dim(1)), "GlobalMaxPool", dy -> {
            float[] dx = x.gradBuffer();
            for (int pl = 0; pl < planes; pl++) dx[argmax[pl]] += dy[pl];
        }, x);
    }

    public static Tensor avg(Tensor x) {
        int planes = planes(x), s = x.size() / planes;
        float[] in = x.data(), y = new float[planes];
        for (int pl = 0; pl < planes; pl++) {
            double sum = 0;
            for (int o = pl * s, e = o + s; o < e; o++) sum += in[o];
            y[pl] = (float) (sum / s);
        }
        return Autograd.record(Tensor.of(y, x.dim(0), x.dim(1)), "GlobalAvgPool", dy -> {
            float[] dx = x.gradBuffer();
            for (int pl = 0; pl < planes; pl++) {
                float d = dy[pl] / s;
                for (int o = pl * s, e = o + s; o < e; o++) dx[o] += d;
            }
        }, x);
    }

    private static int planes(Tensor x) {
        if (x.rank() < 3 || x.size() == 0) {
            throw new IllegalArgumentException("global pooling expects input (N, C, *) with spatial axes, got " + Shape.toString(x.shape()));
        }
        return x.dim(0) * x.dim(1);
    }
}
