package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.DepthwiseKernel;
import dev.beak.kernel.Parallel;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * Depthwise 2-d convolution (groups = C; Howard et al., 2017, "MobileNets"), computed directly: a
 * GEMM per channel would have a single row. Each output channel f reads input channel
 * {@code f / (F / C)} only.
 *
 * <p>Shapes: x (N, C, H, W); w (F, 1, kH, kW) with C dividing F; b (F) or null; y (N, F, oH, oW) with
 * oH, oW as in {@link Window2d}. Every pass runs over one weight tap at a time and, per output row,
 * the span of output columns whose input column lies inside the image, so the inner loop is a
 * branch-free axpy or dot product over a row (vectorised by the JIT at stride 1).
 */
public final class DepthwiseConv2dOp {
    private DepthwiseConv2dOp() {}

    /** {@code g} is the window over x (its c is C). */
    static Tensor apply(Tensor x, Tensor w, Tensor b, Window2d g) {
        int n = g.n(), c = g.c(), f = w.dim(0), mult = f / c, taps = g.kH() * g.kW();
        int oH = g.oH(), oW = g.oW(), in = g.h() * g.w(), out = oH * oW;
        if (!Autograd.needsGrad(x, w, b) && DepthwiseKernel.fits(g)) {
            // Inference: the same sums, one long row operation per tap (equal bit for bit).
            float[] y = Workspace.floats(n * f * out);
            DepthwiseKernel.forward(x.data(), w.data(), b == null ? null : b.data(), g, f, y);
            return Tensor.of(y, n, f, oH, oW);
        }
        float[] xs = x.data(), ws = w.data(), y = new float[n * f * out];
        Parallel.forRange(n * f, (from, to) -> {
            for (int nf = from; nf < to; nf++) {
                int o = nf % f, xBase = (nf / f * c + o / mult) * in, yBase = nf * out;
                if (b != null) java.util.Arrays.fill(y, yBase, yBase + out, b.data()[o]);
                for (int t = 0; t < taps; t++) tap(g, t, ws[o * taps + t], xs, xBase, y, yBase, Pass.FORWARD);
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
                            double s = 0;
                            for (int i = 0; i < n; i++) s += tap(g, t, 0f, xs, (i * c + o / mult) * in, dy, (i * f + o) * out, Pass.WEIGHT);
                            dw[o * taps + t] += (float) s;
                        }
                    }
                });
            }
            if (x.requiresGrad()) {
                // Parallel over input planes (n, c): each owns its dx plane; its mult output channels add in.
                float[] dx = x.gradBuffer();
                Parallel.forRange(n * c, (from, to) -> {
                    for (int nc = from; nc < to; nc++) {
                        for (int m = 0; m < mult; m++) {
                            int o = nc % c * mult + m, yBase = (nc / c * f + o) * out;
                            for (int t = 0; t < taps; t++) tap(g, t, ws[o * taps + t], dx, nc * in, dy, yBase, Pass.INPUT);
                        }
                    }
                });
            }
        }, x, w, b);
    }

    private enum Pass { FORWARD, INPUT, WEIGHT }

    /**
     * One weight tap over one (input plane, output plane) pair. FORWARD: {@code out += wt * window(in)};
     * INPUT: {@code in += wt * out} scattered back; WEIGHT: returns {@code <out, window(in)>}.
     */
    private static double tap(Window2d g, int t, float wt, float[] in, int inBase, float[] out, int outBase, Pass pass) {
        int i = t / g.kW(), j = t % g.kW(), sW = g.strideW(), oW = g.oW(), W = g.w();
        int xOff = j * g.dilationW() - g.padLeft();
        // Output columns whose input column ox*sW + xOff lies in [0, W).
        int oxLo = Math.max(0, -Math.floorDiv(xOff, sW)), oxHi = Math.min(oW, -Math.floorDiv(xOff - W, sW));
        double dot = 0;
        for (int oy = 0; oy < g.oH() && oxLo < oxHi; oy++) {
            int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
            if (iy < 0 || iy >= g.h()) continue;
            int yr = outBase + oy * oW, xr = inBase + iy * W + xOff;
            switch (pass) {
                case FORWARD -> {
                    for (int ox = oxLo; ox < oxHi; ox++) out[yr + ox] += wt * in[xr + ox * sW];
                }
                case INPUT -> {
                    for (int ox = oxLo; ox < oxHi; ox++) in[xr + ox * sW] += wt * out[yr + ox];
                }
                case WEIGHT -> {
                    float acc = 0;
                    for (int ox = oxLo; ox < oxHi; ox++) acc += out[yr + ox] * in[xr + ox * sW];
                    dot += acc;
                }
            }
        }
        return dot;
    }
}
