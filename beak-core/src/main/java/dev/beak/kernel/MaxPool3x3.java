package dev.beak.kernel;

import dev.beak.ops.Window2d;

import java.util.Arrays;

/**
 * Max pooling with a 3x3 window and stride 2, ResNet's stem (padding 1 over 112 x 112 maps), for
 * {@link MaxPoolKernel}: the same outputs and winners as its general loop, bit for bit, a row of
 * windows at a time on {@link MaxPoolRows} (Vector API or scalar). The general loop looked up nine
 * offsets and tested the border for every window; here each input row is reduced once for the two
 * output rows it serves, and only the border windows take a scalar path.
 */
final class MaxPool3x3 {
    private MaxPool3x3() {}

    /**
     * Whether {@code g} takes the 3x3 stride-2 path: padding of at most 1 before, and every window
     * starting inside the input (ceil mode may pad more after), so that no window is all padding.
     * Rows of up to 2^20 inputs, so that winners' offsets within three rows stay exact in a float.
     */
    static boolean applies(Window2d g) {
        return g.kH() == 3 && g.kW() == 3 && g.strideH() == 2 && g.strideW() == 2
                && g.dilationH() == 1 && g.dilationW() == 1 && g.padTop() <= 1 && g.padLeft() <= 1
                && 2 * (g.oH() - 1) - g.padTop() < g.h() && 2 * (g.oW() - 1) - g.padLeft() < g.w() && g.w() <= 1 << 20;
    }

    /** A thread's parts of three input rows for the 3x3 path (see {@link MaxPoolRows}), reused across calls. */
    private static final class Rows {
        float[] m = new float[0], w = new float[0];
        /** The input row each of the three slots holds (row r in slot r % 3), -1 when none. */
        final int[] held = new int[3];

        /** This thread's rows, room for three parts of {@code len} windows, holding none. */
        static Rows forRun(int len) {
            Rows r = ROWS.get();
            if (r.m.length < 3 * len) {
                r.m = new float[3 * len];
                r.w = new float[3 * len];
            }
            Arrays.fill(r.held, -1);
            return r;
        }
    }

    private static final ThreadLocal<Rows> ROWS = ThreadLocal.withInitial(Rows::new);

    /**
     * Plane pl (image pl / C, channel pl % C). Rows and columns outside the input are clamped to the
     * edge (a repeat of a neighbour, which changes neither the maximum nor the winner), so border
     * windows need no search of their own: the inside columns of each row go through {@code rows},
     * whose row parts are kept for the next output row; the one or two border columns through
     * {@link #edge}. A border window's output is its winner's value, as the general loop's scan
     * gives it (that keeps the first of -0 and 0, where Math.max prefers 0).
     */
    static void plane(float[] x, Window2d g, float[] y, int[] argmax, int pl, MaxPoolRows rows) {
        int H = g.h(), W = g.w(), oH = g.oH(), oW = g.oW(), pt = g.padTop(), pw = g.padLeft(), base = pl * H * W;
        // Output columns whose window is inside [0, W): 2ox - pw >= 0 and 2ox - pw + 2 <= W - 1.
        int lo = Math.min(pw, oW), hi = Math.max(lo, Math.min(oW, (W - 1 + pw) / 2)), len = hi - lo, c = 2 * lo - pw;
        Rows r = Rows.forRun(len);
        for (int oy = 0, o = pl * oH * oW; oy < oH; oy++, o += oW) {
            int y0 = 2 * oy - pt, ra = Math.max(y0, 0), rb = Math.min(y0 + 1, H - 1), re = Math.min(y0 + 2, H - 1);
            // One call site per step: C2 inlines them into this loop, and more would pass its node limit.
            for (int i = 0; i < 3; i++) {
                int row = Math.min(Math.max(y0 + i, 0), H - 1);
                if (r.held[row % 3] != row) {
                    rows.rowMaxima(x, base + row * W + c, len, r.m, r.w, row % 3 * len);
                    r.held[row % 3] = row;
                }
            }
            rows.windows(r.m, r.w, ra % 3 * len, rb % 3 * len, re % 3 * len, (rb - ra) * W, (re - ra) * W, len,
                    base + ra * W + c, y, argmax, o + lo);
            borders(x, g, base + ra * W, base + rb * W, base + re * W, y0 < 0 || y0 + 2 >= H, lo, hi, y, argmax, o);
        }
    }

    /**
     * Plane pl as {@link #plane} computes it, without winners (inference): the same row parts and
     * clamping, maxima only. Equal to {@link #plane}'s outputs except that a window whose maximum is
     * 0 and -0 gives 0 here (Math.max), where {@link #plane} gives the first of them.
     */
    static void planeValues(float[] x, Window2d g, float[] y, int pl, MaxPoolRows rows) {
        int H = g.h(), W = g.w(), oH = g.oH(), oW = g.oW(), pt = g.padTop(), pw = g.padLeft(), base = pl * H * W;
        int lo = Math.min(pw, oW), hi = Math.max(lo, Math.min(oW, (W - 1 + pw) / 2)), len = hi - lo, c = 2 * lo - pw;
        Rows r = Rows.forRun(len);
        for (int oy = 0, o = pl * oH * oW; oy < oH; oy++, o += oW) {
            int y0 = 2 * oy - pt, ra = Math.max(y0, 0), rb = Math.min(y0 + 1, H - 1), re = Math.min(y0 + 2, H - 1);
            for (int i = 0; i < 3; i++) {
                int row = Math.min(Math.max(y0 + i, 0), H - 1);
                if (r.held[row % 3] != row) {
                    rows.rowMaximaValues(x, base + row * W + c, len, r.m, row % 3 * len);
                    r.held[row % 3] = row;
                }
            }
            rows.windowsValues(r.m, ra % 3 * len, rb % 3 * len, re % 3 * len, len, y, o + lo);
            int a = base + ra * W, b = base + rb * W, e = base + re * W;
            for (int ox = 0; ox < lo; ox++) y[o + ox] = edgeValue(x, W, a, b, e, 2 * ox - pw);
            for (int ox = hi; ox < oW; ox++) y[o + ox] = edgeValue(x, W, a, b, e, 2 * ox - pw);
        }
    }

    /** The maximum of a border window (rows starting at a, b, e, first column x0, columns clamped). */
    private static float edgeValue(float[] x, int W, int a, int b, int e, int x0) {
        int c0 = Math.max(x0, 0), c1 = Math.min(x0 + 1, W - 1), c2 = Math.min(x0 + 2, W - 1);
        float ra = Math.max(Math.max(x[a + c0], x[a + c1]), x[a + c2]), rb = Math.max(Math.max(x[b + c0], x[b + c1]), x[b + c2]);
        return Math.max(Math.max(ra, rb), Math.max(Math.max(x[e + c0], x[e + c1]), x[e + c2]));
    }

    /**
     * The border windows of an output row (rows starting at a, b, e; {@code clamped} when some are
     * repeats): their outputs are the winners' values, as the general loop's scan gives them.
     */
    private static void borders(float[] x, Window2d g, int a, int b, int e, boolean clamped, int lo, int hi,
                                float[] y, int[] argmax, int o) {
        if (clamped) {
            for (int ox = lo; ox < hi; ox++) y[o + ox] = x[argmax[o + ox]];
        }
        int W = g.w(), pw = g.padLeft();
        for (int ox = 0; ox < lo; ox++) edge(x, W, a, b, e, 2 * ox - pw, y, argmax, o + ox);
        for (int ox = hi; ox < g.oW(); ox++) edge(x, W, a, b, e, 2 * ox - pw, y, argmax, o + ox);
    }

    /**
     * A window over the left or right border, rows starting at a, b, e and its first column x0 (-1
     * to W - 1), columns clamped: y[o] := its winner's value. Branch-free: a bit per element that
     * equals the maximum (or is NaN), the lowest set bit being the winner.
     */
    private static void edge(float[] x, int W, int a, int b, int e, int x0, float[] y, int[] argmax, int o) {
        int c0 = Math.max(x0, 0), c1 = Math.min(x0 + 1, W - 1), c2 = Math.min(x0 + 2, W - 1);
        float a0 = x[a + c0], a1 = x[a + c1], a2 = x[a + c2], b0 = x[b + c0], b1 = x[b + c1], b2 = x[b + c2];
        float e0 = x[e + c0], e1 = x[e + c1], e2 = x[e + c2];
        float m = Math.max(Math.max(Math.max(a0, a1), Math.max(a2, b0)), Math.max(Math.max(b1, b2), Math.max(Math.max(e0, e1), e2)));
        int hits = bit(a0, m) | bit(a1, m) << 1 | bit(a2, m) << 2 | bit(b0, m) << 3 | bit(b1, m) << 4
                | bit(b2, m) << 5 | bit(e0, m) << 6 | bit(e1, m) << 7 | 1 << 8;
        int q = Integer.numberOfTrailingZeros(hits), i = q / 3;
        int at = ScalarMaxPoolRows.pick(i, a, b, e) + ScalarMaxPoolRows.pick(q - 3 * i, c0, c1, c2);
        argmax[o] = at;
        y[o] = x[at];
    }

    private static int bit(float v, float m) {
        return ScalarMaxPoolRows.bit(v, m);
    }
}
