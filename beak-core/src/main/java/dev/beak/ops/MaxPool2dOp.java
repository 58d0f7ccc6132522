package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Tensor;

/**
 * 2-d max pooling. Padded positions never win (they count as minus infinity).
 *
 * <p>Shapes: x (N, C, H, W); y (N, C, oH, oW) with oH, oW as in {@link Window2d}. The backward pass
 * routes each output gradient to the input position that won (first one on ties).
 */
public final class MaxPool2dOp {
    private MaxPool2dOp() {}

    public static Tensor apply(Tensor x, int kH, int kW, int strideH, int strideW, Padding padding) {
        Window2d g = Window2d.of(x.shape(), kH, kW, strideH, strideW, 1, 1, padding);
        int oH = g.oH(), oW = g.oW(), H = g.h(), W = g.w(), planes = g.n() * g.c();
        float[] in = x.data(), y = new float[planes * oH * oW];
        int[] argmax = new int[y.length];
        Parallel.forRange(planes, (from, to) -> {
            for (int pl = from; pl < to; pl++) {
                int xBase = pl * H * W, o = pl * oH * oW;
                for (int oy = 0; oy < oH; oy++) {
                    int y0 = oy * strideH - g.padTop(), yLo = Math.max(0, y0), yHi = Math.min(H, y0 + kH);
                    for (int ox = 0; ox < oW; ox++, o++) {
                        int x0 = ox * strideW - g.padLeft(), xLo = Math.max(0, x0), xHi = Math.min(W, x0 + kW);
                        float best = Float.NEGATIVE_INFINITY;
                        int bestAt = -1;
                        for (int iy = yLo; iy < yHi; iy++) {
                            for (int ix = xLo, at = xBase + iy * W + xLo; ix < xHi; ix++, at++) {
                                // '>' keeps the first maximum; '!(v <= best)' would let NaN win, so NaN propagates.
                                float v = in[at];
                                if (v > best || bestAt < 0 || Float.isNaN(v)) {
                                    best = v;
                                    bestAt = at;
                                    if (Float.isNaN(v)) break;
                                }
                            }
                        }
                        y[o] = best;
                        argmax[o] = bestAt;
                    }
                }
            }
        });
        Tensor out = Tensor.of(y, g.n(), g.c(), oH, oW);
        return Autograd.record(out, "MaxPool2d", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) if (argmax[i] >= 0) dx[argmax[i]] += dy[i];
        }, x);
    }
}
