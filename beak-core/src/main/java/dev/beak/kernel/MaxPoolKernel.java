package dev.beak.kernel;

import dev.beak.ops.Window2d;

/**
 * Max pooling over (N*C) planes, recording for each output the flat input index that won (first one
 * on ties; a NaN wins and propagates), so the backward pass is a scatter. Padded positions never win.
 *
 * <p>Shapes: x (N, C, H, W); y and argmax (N, C, oH, oW). The common 2x2 window with stride 2 and no
 * padding has its own loop that computes only the maximum; its backward pass finds the winner again.
 * The 3x3 window with stride 2 (ResNet's stem) has its own loop too ({@link MaxPool3x3}); it records
 * argmax as the general loop does, since the scatter costs little.
 */
public final class MaxPoolKernel {
    private MaxPoolKernel() {}

    /**
     * Whether {@code g} takes the 2x2 stride-2 path, which records no argmax (backward recomputes it):
     * every window must lie inside the input (no padding before, and none used after, as ceil mode adds).
     */
    public static boolean twoByTwo(Window2d g) {
        return g.kH() == 2 && g.kW() == 2 && g.strideH() == 2 && g.strideW() == 2
                && g.padTop() == 0 && g.padLeft() == 0 && g.dilationH() == 1 && g.dilationW() == 1
                && 2 * g.oH() <= g.h() && 2 * g.oW() <= g.w();
    }

    /** y := max pool of x; argmax (unused, may be null, on the {@link #twoByTwo} path) := the winners. */
    public static void forward(float[] x, Window2d g, float[] y, int[] argmax) {
        forward(x, g, y, argmax, Kernels.maxPoolRows());
    }

    /** {@link #forward} with the 3x3 rows of {@code rows} (tests run both kinds). */
    static void forward(float[] x, Window2d g, float[] y, int[] argmax, MaxPoolRows rows) {
        int path = twoByTwo(g) ? 2 : MaxPool3x3.applies(g) ? 3 : 0;
        Parallel.forRange(g.n() * g.c(), (from, to) -> {
            for (int pl = from; pl < to; pl++) {
                if (path == 2) plane2x2(x, g, y, pl);
                else if (path == 3) MaxPool3x3.plane(x, g, y, argmax, pl, rows);
                else plane(x, g, y, argmax, pl);
            }
        });
    }

    /**
     * y := max pool of x without recording winners (inference), dilation 1: the 2x2 and 3x3 stride-2
     * windows on their own loops, the others on {@link #separableValues}. Equal to {@link #forward}'s
     * outputs, except that a window whose maximum is 0 and -0 may give either.
     */
    public static void forwardValues(float[] x, Window2d g, float[] y) {
        forwardValues(x, g, y, Kernels.maxPoolRows());
    }

    /** {@link #forwardValues} with the 3x3 rows of {@code rows} (tests run both kinds). */
    static void forwardValues(float[] x, Window2d g, float[] y, MaxPoolRows rows) {
        if (twoByTwo(g)) forward(x, g, y, null, rows);
        else if (MaxPool3x3.applies(g)) Parallel.forRange(g.n() * g.c(), (from, to) -> {
            for (int pl = from; pl < to; pl++) MaxPool3x3.planeValues(x, g, y, pl, rows);
        });
        else separableValues(x, g, y);
    }

    /**
     * y := max pool of x without recording winners, any window: separable, each output row first takes
     * the maximum of its window's input rows column by column (contiguous, vectorised by the JIT), then
     * each output the maximum of its kW columns. Math.max propagates NaN, as the recording loops do.
     * Dilation 1 only (the windows of max pooling layers).
     */
    static void separableValues(float[] x, Window2d g, float[] y) {
        if (g.dilationH() != 1 || g.dilationW() != 1) throw new IllegalArgumentException("separable max pooling needs dilation 1");
        int H = g.h(), W = g.w(), oH = g.oH(), oW = g.oW();
        Parallel.forRange(g.n() * g.c(), (from, to) -> {
            float[] rows = new float[W];
            for (int pl = from; pl < to; pl++) {
                int xBase = pl * H * W, o = pl * oH * oW;
                for (int oy = 0; oy < oH; oy++) {
                    int y0 = oy * g.strideH() - g.padTop(), yLo = Math.max(0, y0), yHi = Math.min(H, y0 + g.kH());
                    java.util.Arrays.fill(rows, Float.NEGATIVE_INFINITY);
                    for (int iy = yLo; iy < yHi; iy++) {
                        for (int ix = 0, r = xBase + iy * W; ix < W; ix++) rows[ix] = Math.max(rows[ix], x[r + ix]);
                    }
                    for (int ox = 0; ox < oW; ox++) {
                        int x0 = ox * g.strideW() - g.padLeft(), xHi = Math.min(W, x0 + g.kW());
                        float m = Float.NEGATIVE_INFINITY;
                        for (int ix = Math.max(0, x0); ix < xHi; ix++) m = Math.max(m, rows[ix]);
                        y[o + oy * oW + ox] = m;
                    }
                }
            }
        });
    }

    /** {@link #forward} on the general loop whatever the window: the reference the fast paths must equal. */
    static void forwardGeneral(float[] x, Window2d g, float[] y, int[] argmax) {
        Parallel.forRange(g.n() * g.c(), (from, to) -> {
            for (int pl = from; pl < to; pl++) plane(x, g, y, argmax, pl);
        });
    }

    /**
     * The 2x2 window's maximum only: Math.max compiles to vmaxss (NaN propagates), ten times faster
     * than tracking the winner's index with compares, which C2 did not turn into conditional moves.
     */
    private static void plane2x2(float[] x, Window2d g, float[] y, int pl) {
        int H = g.h(), W = g.w(), oH = g.oH(), oW = g.oW(), xBase = pl * H * W, oBase = pl * oH * oW;
        for (int oy = 0; oy < oH; oy++) {
            int o = oBase + oy * oW, i = xBase + 2 * oy * W;
            for (int ox = 0; ox < oW; ox++, o++, i += 2) {
                y[o] = Math.max(Math.max(x[i], x[i + 1]), Math.max(x[i + W], x[i + W + 1]));
            }
        }
    }

    /**
     * One plane: windows that lie wholly inside the input take {@link #inside}, the others (over the
     * padding) {@link #window}.
     */
    private static void plane(float[] x, Window2d g, float[] y, int[] argmax, int pl) {
        int H = g.h(), W = g.w(), sW = g.strideW(), spanW = (g.kW() - 1) * g.dilationW(), spanH = (g.kH() - 1) * g.dilationH();
        // Output columns whose window is inside [0, W): ox*sW - padLeft >= 0 and ox*sW - padLeft + spanW < W.
        int lo = (g.padLeft() + sW - 1) / sW, hi = Math.max(lo, Math.min(g.oW(), Math.floorDiv(W - 1 - spanW + g.padLeft(), sW) + 1));
        int[] offsets = offsets(g);
        for (int oy = 0, o = pl * g.oH() * g.oW(); oy < g.oH(); oy++, o += g.oW()) {
            int y0 = oy * g.strideH() - g.padTop();
            boolean rowsInside = y0 >= 0 && y0 + spanH < H;
            for (int ox = 0; ox < g.oW(); ox++) {
                if (rowsInside && ox >= lo && ox < hi) {
                    inside(x, g, y, argmax, pl * H * W + y0 * W + ox * sW - g.padLeft(), o + ox, offsets);
                } else {
                    window(x, g, y, argmax, pl, oy, ox, o + ox);
                }
            }
        }
    }

    /**
     * A window wholly inside the input, its top-left input at {@code x[at]}: the maximum by Math.max
     * (vmaxss, NaN propagates; no branch per element), then the winner without branches either: a
     * bit per element equal to the maximum (or NaN, if the maximum is NaN), the lowest set bit being
     * the first maximum, which is what {@link #window}'s scan picks. {@code offsets[k]} is element k's
     * offset from the window's corner. Windows of more than 32 elements scan instead.
     */
    private static void inside(float[] x, Window2d g, float[] y, int[] argmax, int at, int o, int[] offsets) {
        int count = offsets.length;
        float best = x[at];
        for (int k = 1; k < count; k++) best = Math.max(best, x[at + offsets[k]]);
        y[o] = best;
        if (count > 32) {
            for (int q = 0; q < count; q++) {
                float v = x[at + offsets[q]];
                if (v == best || (best != best && v != v)) {
                    argmax[o] = at + offsets[q];
                    return;
                }
            }
        }
        int hits = 0;
        if (best == best) {
            for (int q = 0; q < count; q++) hits |= (x[at + offsets[q]] == best ? 1 : 0) << q;
        } else {
            for (int q = 0; q < count; q++) hits |= (x[at + offsets[q]] != x[at + offsets[q]] ? 1 : 0) << q;
        }
        argmax[o] = at + offsets[Integer.numberOfTrailingZeros(hits)];
    }

    /** Offsets of a window's elements from its top-left input, in scan order (rows, then columns). */
    private static int[] offsets(Window2d g) {
        int[] offsets = new int[g.kH() * g.kW()];
        for (int i = 0, k = 0; i < g.kH(); i++) {
            for (int j = 0; j < g.kW(); j++, k++) offsets[k] = i * g.dilationH() * g.w() + j * g.dilationW();
        }
        return offsets;
    }

    /** The general window of output (oy, ox) of plane pl, written to y[o] and argmax[o]. */
    private static void window(float[] x, Window2d g, float[] y, int[] argmax, int pl, int oy, int ox, int o) {
        int H = g.h(), W = g.w(), xBase = pl * H * W;
        int y0 = oy * g.strideH() - g.padTop(), x0 = ox * g.strideW() - g.padLeft();
        float best = Float.NEGATIVE_INFINITY;
        int bestAt = -1;
        search:
        for (int i = 0; i < g.kH(); i++) {
            int iy = y0 + i * g.dilationH();
            if (iy < 0 || iy >= H) continue;
            for (int j = 0; j < g.kW(); j++) {
                int ix = x0 + j * g.dilationW();
                if (ix < 0 || ix >= W) continue;
                int at = xBase + iy * W + ix;
                float v = x[at];
                // '>' keeps the first maximum; a NaN wins at once so that it propagates.
                if (v > best || bestAt < 0 || Float.isNaN(v)) {
                    best = v;
                    bestAt = at;
                    if (Float.isNaN(v)) break search;
                }
            }
        }
        y[o] = best;
        argmax[o] = bestAt;
    }

    /**
     * dx += scatter(dy) to the winners; parallel over planes, whose windows stay inside their own plane.
     * On the 2x2 path the winner is found again ({@link TwoByTwoGradient}): the first input equal to
     * the output (the first NaN when the output is NaN), which is the window's first maximum.
     */
    public static void backward(float[] x, float[] y, float[] dy, int[] argmax, Window2d g, float[] dx) {
        int per = g.oH() * g.oW();
        boolean fast = twoByTwo(g);
        Parallel.forRange(g.n() * g.c(), (from, to) -> {
            if (!fast) {
                for (int i = from * per, e = to * per; i < e; i++) {
                    int at = argmax[i];
                    if (at >= 0) dx[at] += dy[i];
                }
                return;
            }
            int H = g.h(), W = g.w(), oH = g.oH(), oW = g.oW();
            TwoByTwoGradient rows = Kernels.twoByTwoGradient();
            for (int pl = from; pl < to; pl++) {
                for (int oy = 0, o = pl * per; oy < oH; oy++, o += oW) rows.gradient(x, pl * H * W + 2 * oy * W, W, y, dy, o, oW, dx);
            }
        });
    }
}
