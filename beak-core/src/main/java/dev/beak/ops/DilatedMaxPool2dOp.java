package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Tensor;

/**
 * 2-d max pooling with dilated windows (PyTorch's {@code MaxPool2d(dilation=)}); {@link MaxPool2dOp}
 * is the fast path for dilation 1. Padded positions never win; NaN propagates; ties go to the first.
 *
 * <p>Shapes: x (N, C, H, W); y (N, C, oH, oW) as in {@link Window2d} (or {@link PoolWindow} for ceil
 * mode): {@code oH = floor((H + padTop + padBottom - dH*(kH-1) - 1) / sH) + 1}.
 */
public final class DilatedMaxPool2dOp {
    private DilatedMaxPool2dOp() {}

    public static Tensor apply(Tensor x, Window2d g) {
        int oH = g.oH(), oW = g.oW(), H = g.h(), W = g.w(), planes = g.n() * g.c();
        float[] in = x.data(), y = new float[planes * oH * oW];
        int[] argmax = new int[y.length];
        Parallel.forRange(planes, (from, to) -> {
            for (int pl = from; pl < to; pl++) {
                int xBase = pl * H * W, o = pl * oH * oW;
                for (int oy = 0; oy < oH; oy++) {
                    for (int ox = 0; ox < oW; ox++, o++) {
                        float best = Float.NEGATIVE_INFINITY;
                        int bestAt = -1;
                        search:
                        for (int i = 0; i < g.kH(); i++) {
                            int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                            if (iy < 0 || iy >= H) continue;
                            for (int j = 0; j < g.kW(); j++) {
                                int ix = ox * g.strideW() - g.padLeft() + j * g.dilationW();
                                if (ix < 0 || ix >= W) continue;
                                float v = in[xBase + iy * W + ix];
                                if (v > best || bestAt < 0 || Float.isNaN(v)) {
                                    best = v;
                                    bestAt = xBase + iy * W + ix;
                                    if (Float.isNaN(v)) break search;
                                }
                            }
                        }
                        y[o] = best;
                        argmax[o] = bestAt;
                    }
                }
            }
        });
        return Autograd.record(Tensor.of(y, g.n(), g.c(), oH, oW), "MaxPool2d", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) if (argmax[i] >= 0) dx[argmax[i]] += dy[i];
        }, x);
    }
}
