package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Tensor;

/**
 * 2-d power-average (p-norm) pooling, as ONNX's LpPool: {@code y = (sum over the window of |x|^p)^(1/p)};
 * padded positions add nothing. p = 1 is sum pooling of magnitudes, p = 2 the Euclidean norm, and
 * p -> infinity approaches max pooling (Boureau, Ponce and LeCun, 2010).
 *
 * <p>Shapes: x (N, C, H, W); y (N, C, oH, oW) as in {@link PoolWindow}. Backward:
 * {@code dx = dy * |x|^(p-1) * sign(x) / y^(p-1)} (zero where y = 0).
 */
public final class LpPool2dOp {
    private LpPool2dOp() {}

    public static Tensor apply(Tensor x, float p, Window2d g) {
        if (!(p >= 1)) throw new IllegalArgumentException("LpPool2d: p must be >= 1, got " + p);
        int oH = g.oH(), oW = g.oW(), H = g.h(), W = g.w(), planes = g.n() * g.c();
        float[] in = x.data(), y = new float[planes * oH * oW];
        Parallel.forRange(planes, (from, to) -> {
            for (int pl = from; pl < to; pl++) {
                for (int oy = 0, o = pl * oH * oW; oy < oH; oy++) {
                    for (int ox = 0; ox < oW; ox++, o++) {
                        double s = 0;
                        for (int i = 0; i < g.kH(); i++) {
                            int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                            for (int j = 0; iy >= 0 && iy < H && j < g.kW(); j++) {
                                int ix = ox * g.strideW() - g.padLeft() + j * g.dilationW();
                                if (ix >= 0 && ix < W) s += pow(Math.abs(in[(pl * H + iy) * W + ix]), p);
                            }
                        }
                        y[o] = (float) (p == 2f ? Math.sqrt(s) : Math.pow(s, 1.0 / p));
                    }
                }
            }
        });
        return Autograd.record(Tensor.of(y, g.n(), g.c(), oH, oW), "LpPool2d", dy -> {
            float[] dx = x.gradBuffer();
            Parallel.forRange(planes, (from, to) -> {
                for (int pl = from; pl < to; pl++) {
                    for (int oy = 0, o = pl * oH * oW; oy < oH; oy++) {
                        for (int ox = 0; ox < oW; ox++, o++) {
                            if (y[o] == 0f) continue;
                            double k = dy[o] / pow(y[o], p - 1);
                            for (int i = 0; i < g.kH(); i++) {
                                int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                                for (int j = 0; iy >= 0 && iy < H && j < g.kW(); j++) {
                                    int ix = ox * g.strideW() - g.padLeft() + j * g.dilationW(), at = (pl * H + iy) * W + ix;
                                    if (ix >= 0 && ix < W) dx[at] += (float) (k * pow(Math.abs(in[at]), p - 1) * Math.signum(in[at]));
                                }
                            }
                        }
                    }
                }
            });
        }, x);
    }

    /** {@code a^p} for {@code a >= 0}, with the common integer powers without {@code Math.pow}. */
    private static double pow(double a, double p) {
        if (p == 1) return a;
        if (p == 2) return a * a;
        if (p == 3) return a * a * a;
        return Math.pow(a, p);
    }
}
