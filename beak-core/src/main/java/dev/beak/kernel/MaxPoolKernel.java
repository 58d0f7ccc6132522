package dev.beak.kernel;

import dev.beak.ops.Window2d;

/**
 * Max pooling over (N*C) planes, recording for each output the flat input index that won (first one
 * on ties; a NaN wins and propagates), so the backward pass is a scatter. Padded positions never win.
 *
 * <p>Shapes: x (N, C, H, W); y and argmax (N, C, oH, oW). The common 2x2 window with stride 2 and no
 * padding has its own loop: four loads, three compares that C2 compiles to conditional moves (random
 * activations make branches unpredictable), and a NaN check on the sum that sends a plane holding a NaN
 * (or infinities of both signs) to the general loop.
 */
public final class MaxPoolKernel {
    private MaxPoolKernel() {}

    public static void forward(float[] x, Window2d g, float[] y, int[] argmax) {
        int planes = g.n() * g.c();
        boolean twoByTwo = g.kH() == 2 && g.kW() == 2 && g.strideH() == 2 && g.strideW() == 2
                && g.padTop() == 0 && g.padLeft() == 0 && g.dilationH() == 1 && g.dilationW() == 1;
        Parallel.forRange(planes, (from, to) -> {
            for (int pl = from; pl < to; pl++) {
                if (twoByTwo) plane2x2(x, g, y, argmax, pl);
                else plane(x, g, y, argmax, pl);
            }
        });
    }

    private static void plane2x2(float[] x, Window2d g, float[] y, int[] argmax, int pl) {
        int H = g.h(), W = g.w(), oH = g.oH(), oW = g.oW(), xBase = pl * H * W, oBase = pl * oH * oW;
        boolean nan = false;
        for (int oy = 0; oy < oH; oy++) {
            int o = oBase + oy * oW, i = xBase + 2 * oy * W;
            for (int ox = 0; ox < oW; ox++, o++, i += 2) {
                float a = x[i], b = x[i + 1], c = x[i + W], d = x[i + W + 1];
                // Selects, not branches: '>' keeps the first maximum.
                boolean gb = b > a;
                float best = gb ? b : a;
                int at = gb ? i + 1 : i;
                boolean gc = c > best;
                best = gc ? c : best;
                at = gc ? i + W : at;
                boolean gd = d > best;
                best = gd ? d : best;
                at = gd ? i + W + 1 : at;
                nan |= Float.isNaN(a + b + c + d);
                y[o] = best;
                argmax[o] = at;
            }
        }
        // A NaN (or infinities of both signs) somewhere: redo the plane with the general loop.
        if (nan) plane(x, g, y, argmax, pl);
    }

    private static void plane(float[] x, Window2d g, float[] y, int[] argmax, int pl) {
        for (int oy = 0, o = pl * g.oH() * g.oW(); oy < g.oH(); oy++) {
            for (int ox = 0; ox < g.oW(); ox++, o++) window(x, g, y, argmax, pl, oy, ox, o);
        }
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

    /** dx += scatter(dy) through argmax; parallel over planes, whose windows stay inside their own plane. */
    public static void backward(float[] dy, int[] argmax, Window2d g, float[] dx) {
        int per = g.oH() * g.oW();
        Parallel.forRange(g.n() * g.c(), (from, to) -> {
            for (int i = from * per, e = to * per; i < e; i++) {
                int at = argmax[i];
                if (at >= 0) dx[at] += dy[i];
            }
        });
    }
}
