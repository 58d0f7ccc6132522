package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Tensor;

/**
 * Depthwise 2-d convolution (groups = C; Howard et al., 2017, "MobileNets"), computed directly: a
 * GEMM per channel would have a single row. Each output channel f reads input channel
 * {@code f / (F / C)} only.
 *
 * <p>Shapes: x (N, C, H, W); w (F, 1, kH, kW) with C dividing F; b (F) or null; y (N, F, oH, oW) with
 * oH, oW as in {@link Window2d}. Loops run over one weight tap at a time and a contiguous span of
 * output columns, so the inner loop is an axpy over a row (vectorisable at stride 1).
 */
public final class DepthwiseConv2dOp {
    private DepthwiseConv2dOp() {}

    /** {@code g} is the window over x (its c is C). */
    static Tensor apply(Tensor x, Tensor w, Tensor b, Window2d g) {
        int n = g.n(), c = g.c(), f = w.dim(0), mult = f / c, kH = g.kH(), kW = g.kW();
        int oH = g.oH(), oW = g.oW(), H = g.h(), W = g.w(), in = H * W, out = oH * oW, taps = kH * kW;
        float[] xs = x.data(), ws = w.data(), y = new float[n * f * out];
        Parallel.forRange(n * f, (from, to) -> {
            for (int nf = from; nf < to; nf++) {
                int o = nf % f, xBase = (nf / f * c + o / mult) * in, yBase = nf * out;
                if (b != null) java.util.Arrays.fill(y, yBase, yBase + out, b.data()[o]);
                for (int t = 0; t < taps; t++) {
                    float wt = ws[o * taps + t];
                    forTap(g, t, (oy, iy, oxLo, oxHi, xOff) -> {
                        int yr = yBase + oy * oW, xr = xBase + iy * W + xOff;
                        for (int ox = oxLo; ox < oxHi; ox++) y[yr + ox] += wt * xs[xr + ox * g.strideW()];
                    });
                }
            }
        });
        return Autograd.record(Tensor.of(y, n, f, oH, oW), "Conv2d", dy -> {
            if (b != null && b.requiresGrad()) {
                float[] db = b.gradBuffer();
                for (int nf = 0; nf < n * f; nf++) {
                    double s = 0;
                    for (int i = nf * out, e = i + out; i < e; i++) s += dy[i];
                    db[nf % f] += (float) s;
                }
            }
            if (w.requiresGrad()) {
                // Parallel over output channels: each owns its taps of dw.
                float[] dw = w.gradBuffer();
                Parallel.forRange(f, (from, to) -> {
                    for (int o = from; o < to; o++) {
                        for (int t = 0; t < taps; t++) {
                            double[] s = {0};
                            for (int i = 0; i < n; i++) {
                                int xBase = (i * c + o / mult) * in, yBase = (i * f + o) * out;
                                forTap(g, t, (oy, iy, oxLo, oxHi, xOff) -> {
                                    int yr = yBase + oy * oW, xr = xBase + iy * W + xOff;
                                    float acc = 0;
                                    for (int ox = oxLo; ox < oxHi; ox++) acc += dy[yr + ox] * xs[xr + ox * g.strideW()];
                                    s[0] += acc;
                                });
                            }
                            dw[o * taps + t] += (float) s[0];
                        }
                    }
                });
            }
            if (x.requiresGrad()) {
                // Parallel over input planes (n, c): each owns its dx plane; its mult output channels are summed in.
                float[] dx = x.gradBuffer();
                Parallel.forRange(n * c, (from, to) -> {
                    for (int nc = from; nc < to; nc++) {
                        int xBase = nc * in;
                        for (int m = 0; m < mult; m++) {
                            int o = nc % c * mult + m, yBase = (nc / c * f + o) * out;
                            for (int t = 0; t < taps; t++) {
                                float wt = ws[o * taps + t];
                                forTap(g, t, (oy, iy, oxLo, oxHi, xOff) -> {
                                    int yr = yBase + oy * oW, xr = xBase + iy * W + xOff;
                                    for (int ox = oxLo; ox < oxHi; ox++) dx[xr + ox * g.strideW()] += wt * dy[yr + ox];
                                });
                            }
                        }
                    }
                });
            }
        }, x, w, b);
    }

    /** A run of output columns [oxLo, oxHi) of output row oy that tap t maps to input row iy, column ox*sW + xOff. */
    private interface Span {
        void run(int oy, int iy, int oxLo, int oxHi, int xOff);
    }

    /** Calls {@code span} for every output row whose tap-t input row lies inside the input. */
    private static void forTap(Window2d g, int t, Span span) {
        int i = t / g.kW(), j = t % g.kW();
        int xOff = j * g.dilationW() - g.padLeft();
        int oxLo = Math.max(0, ceilDiv(-xOff, g.strideW()));
        int oxHi = Math.min(g.oW(), ceilDiv(g.w() - xOff, g.strideW()));
        if (oxLo >= oxHi) return;
        for (int oy = 0; oy < g.oH(); oy++) {
            int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
            if (iy >= 0 && iy < g.h()) span.run(oy, iy, oxLo, oxHi, xOff);
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
