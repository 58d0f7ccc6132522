package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Global max and average pooling over all spatial positions (Lin, Chen and Yan, 2013, "Network In
 * Network", for global average pooling).
 *
 * <p>Shapes: x (N, C, *); y (N, C). Max: the gradient goes to the first maximum; NaN propagates.
 *
 * <p>Masked forms (for padded sequences): mask (N, *) with x's spatial shape; a position whose mask
 * is 0 is left out of the maximum or the mean of every channel, any other value keeps it. A sample
 * with no position kept pools to 0 and passes no gradient. The mask gets no gradient.
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

    public static Tensor maskedMax(Tensor x, Tensor mask) {
        int planes = planes(x), s = x.size() / planes, c = x.dim(1);
        float[] in = x.data(), m = checkMask(x, mask), y = new float[planes];
        int[] argmax = new int[planes];
        for (int pl = 0; pl < planes; pl++) {
            int best = -1, mo = (pl / c) * s;
            for (int i = 0; i < s; i++) {
                if (m[mo + i] == 0) continue;
                int o = pl * s + i;
                if (best < 0 || in[o] > in[best] || Float.isNaN(in[o]) && !Float.isNaN(in[best])) best = o;
            }
            argmax[pl] = best;
            y[pl] = best < 0 ? 0f : in[best];
        }
        return Autograd.record(Tensor.of(y, x.dim(0), c), "MaskedGlobalMaxPool", dy -> {
            float[] dx = x.gradBuffer();
            for (int pl = 0; pl < planes; pl++) if (argmax[pl] >= 0) dx[argmax[pl]] += dy[pl];
        }, x);
    }

    public static Tensor maskedAvg(Tensor x, Tensor mask) {
        int planes = planes(x), s = x.size() / planes, c = x.dim(1);
        float[] in = x.data(), m = checkMask(x, mask), y = new float[planes];
        int[] kept = new int[x.dim(0)];
        for (int i = 0; i < m.length; i++) if (m[i] != 0) kept[i / s]++;
        for (int pl = 0; pl < planes; pl++) {
            int mo = (pl / c) * s;
            double sum = 0;
            for (int i = 0; i < s; i++) if (m[mo + i] != 0) sum += in[pl * s + i];
            y[pl] = kept[pl / c] == 0 ? 0f : (float) (sum / kept[pl / c]);
        }
        return Autograd.record(Tensor.of(y, x.dim(0), c), "MaskedGlobalAvgPool", dy -> {
            float[] dx = x.gradBuffer();
            for (int pl = 0; pl < planes; pl++) {
                int n = kept[pl / c], mo = (pl / c) * s;
                if (n == 0) continue;
                float d = dy[pl] / n;
                for (int i = 0; i < s; i++) if (m[mo + i] != 0) dx[pl * s + i] += d;
            }
        }, x);
    }

    /** The mask's values, after checking that its shape is x's without the channel axis. */
    private static float[] checkMask(Tensor x, Tensor mask) {
        int[] xs = x.shape(), expected = new int[xs.length - 1];
        expected[0] = xs[0];
        System.arraycopy(xs, 2, expected, 1, xs.length - 2);
        if (!java.util.Arrays.equals(mask.shape(), expected)) {
            throw new IllegalArgumentException("masked global pooling: the mask " + Shape.toString(mask.shape()) + " must have the input's shape "
                    + Shape.toString(xs) + " without the channel axis, " + Shape.toString(expected)
                    + " (did a convolution without SAME padding change the sequence length?)");
        }
        return mask.data();
    }

    private static int planes(Tensor x) {
        if (x.rank() < 3 || x.size() == 0) {
            throw new IllegalArgumentException("global pooling expects input (N, C, *) with spatial axes, got " + Shape.toString(x.shape()));
        }
        return x.dim(0) * x.dim(1);
    }
}
