package dev.beak.kernel;

import dev.beak.ops.Window2d;

/**
 * 3x3 stride-1 convolution by Winograd's minimal filtering F(2x2, 3x3) (Lavin and Gray, 2016, "Fast
 * Algorithms for Convolutional Neural Networks"): each 2x2 output tile is {@code Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A}
 * for the 4x4 input tile d, so the multiply-adds per output drop from 9 to 4 per input channel.
 * The element-wise products over channels become 16 GEMMs, one per tile position ξ:
 * <pre>
 *   U[ξ](F, C) = (G g Gᵀ)[ξ]        V[ξ](C, T) = (Bᵀ d B)[ξ]        M[ξ](F, T) = U[ξ] * V[ξ]
 *   y tile = Aᵀ M A  (+ bias)
 * </pre>
 * with T the tiles of a band of tile rows of one image (bands keep V and M near 1-8 MiB). Threads as in
 * {@link Conv2dKernel}: whole images per thread when the batch is at least the thread count, else the
 * transforms and the GEMMs of one image are split over the threads.
 *
 * <p>Numerics: the transforms add and subtract (the G rows halve), so results differ from the direct
 * sum by a few ulps of the largest terms; {@link #applies} keeps it to forward passes of 3x3 stride-1
 * undilated layers.
 */
public final class Winograd {
    /** Target floats of V (and M) per band. */
    static final int BAND_FLOATS = 1 << 20;

    private static final class Work {
        float[] v = new float[0], m = new float[0];
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    private Winograd() {}

    /** Whether the layer is one this kernel computes: 3x3, stride 1, dilation 1. */
    public static boolean applies(Window2d g) {
        return g.kH() == 3 && g.kW() == 3 && g.strideH() == 1 && g.strideW() == 1
                && g.dilationH() == 1 && g.dilationW() == 1;
    }

    /**
     * Whether Winograd should run this layer, as measured on 2 Zen 5 cores (VGG16 layers): it
     * {@link #applies}, the batch has an image per thread, and the layer is wide and large (at least
     * 256 channels and filters, 28x28 outputs): there the GEMMs dominate and F(2x2, 3x3) saved 15-30 %.
     * Thinner layers, and single images (whose transforms run between parallel GEMMs), were bound by
     * the memory traffic of the transforms and ran slower than im2col. {@code -Dbeak.winograd=false}
     * turns it off.
     */
    public static boolean pays(Window2d g, int f) {
        return ENABLED && applies(g) && g.n() >= Parallel.threads() && g.c() >= 256 && f >= 256
                && g.oH() * g.oW() >= 28 * 28;
    }

    private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("beak.winograd", ""));

    /** y := conv(x, w) + bias, as {@link Conv2dKernel#forward}; requires {@link #applies}. */
    public static void forward(float[] x, float[] w, float[] bias, Window2d g, int f, float[] y) {
        forward(x, w, bias, g, f, y, BAND_FLOATS);
    }

    static void forward(float[] x, float[] w, float[] bias, Window2d g, int f, float[] y, int bandFloats) {
        if (!applies(g)) throw new IllegalArgumentException("Winograd F(2x2, 3x3) needs a 3x3 stride-1 window, got " + g);
        float[] u = filters(w, f, g.c());
        int tilesW = (g.oW() + 1) / 2, tilesH = (g.oH() + 1) / 2;
        int bandRows = Math.max(1, Math.min(tilesH, bandFloats / (16 * Math.max(g.c(), f) * tilesW)));
        Gemm gemm = Kernels.gemm();
        if (g.n() >= Parallel.threads()) {
            Parallel.forRange(g.n(), (from, to) -> {
                for (int n = from; n < to; n++) image(gemm, x, u, bias, g, f, y, n, bandRows, false);
            });
        } else {
            for (int n = 0; n < g.n(); n++) image(gemm, x, u, bias, g, f, y, n, bandRows, true);
        }
    }

    /** U (16, F, C): each 3x3 filter g becomes G g Gᵀ (4x4). */
    static float[] filters(float[] w, int f, int c) {
        float[] u = new float[16 * f * c];
        int fc = f * c;
        Parallel.forRange(fc, (from, to) -> {
            for (int q = from; q < to; q++) {
                int o = q * 9;
                // Rows of t = G g (4x3), G = [1 0 0; .5 .5 .5; .5 -.5 .5; 0 0 1]; locals so C2 keeps them in registers.
                float g00 = w[o], g01 = w[o + 1], g02 = w[o + 2];
                float g10 = w[o + 3], g11 = w[o + 4], g12 = w[o + 5];
                float g20 = w[o + 6], g21 = w[o + 7], g22 = w[o + 8];
                row(u, fc, q, 0, g00, g01, g02);
                row(u, fc, q, 1, 0.5f * (g00 + g10 + g20), 0.5f * (g01 + g11 + g21), 0.5f * (g02 + g12 + g22));
                row(u, fc, q, 2, 0.5f * (g00 - g10 + g20), 0.5f * (g01 - g11 + g21), 0.5f * (g02 - g12 + g22));
                row(u, fc, q, 3, g20, g21, g22);
            }
        });
        return u;
    }

    /** Row i of U = t Gᵀ from row i of t = G g. */
    private static void row(float[] u, int fc, int q, int i, float a, float b, float c) {
        u[(4 * i) * fc + q] = a;
        u[(4 * i + 1) * fc + q] = 0.5f * (a + b + c);
        u[(4 * i + 2) * fc + q] = 0.5f * (a - b + c);
        u[(4 * i + 3) * fc + q] = c;
    }

    private static void image(Gemm gemm, float[] x, float[] u, float[] bias, Window2d g, int f, float[] y,
                              int n, int bandRows, boolean parallel) {
        int c = g.c(), tilesW = (g.oW() + 1) / 2, tilesH = (g.oH() + 1) / 2;
        Work work = WORK.get();
        for (int ty0 = 0; ty0 < tilesH; ty0 += bandRows) {
            int ty1 = Math.min(tilesH, ty0 + bandRows), t = (ty1 - ty0) * tilesW;
            float[] v = work.v = grow(work.v, 16 * c * t), m = work.m = grow(work.m, 16 * f * t);
            int band0 = ty0;
            if (parallel) Parallel.forRange(c, (from, to) -> inputTiles(x, g, n, band0, ty1, v, from, to));
            else inputTiles(x, g, n, ty0, ty1, v, 0, c);
            // 16 independent products M[ξ](F, T) = U[ξ](F, C) * V[ξ](C, T).
            for (int xi = 0; xi < 16; xi++) {
                gemm.gemm(false, false, f, t, c, u, xi * f * c, c, v, xi * c * t, t, m, xi * f * t, t, false);
            }
            if (parallel) Parallel.forRange(f, (from, to) -> outputTiles(m, bias, g, f, n, band0, ty1, y, from, to));
            else outputTiles(m, bias, g, f, n, ty0, ty1, y, 0, f);
        }
    }

    /** V[ξ][c][t] = (Bᵀ d B)[ξ] for channels [c0, c1) and tile rows [ty0, ty1) of image n. */
    private static void inputTiles(float[] x, Window2d g, int n, int ty0, int ty1, float[] v, int c0, int c1) {
        int H = g.h(), W = g.w(), tilesW = (g.oW() + 1) / 2, t = (ty1 - ty0) * tilesW, ct = g.c() * t;
        float[] d = new float[16];
        for (int ch = c0; ch < c1; ch++) {
            int xBase = (n * g.c() + ch) * H * W;
            for (int ty = ty0; ty < ty1; ty++) {
                int iy0 = 2 * ty - g.padTop(), o = ch * t + (ty - ty0) * tilesW;
                for (int tx = 0; tx < tilesW; tx++, o++) {
                    int ix0 = 2 * tx - g.padLeft();
                    if (iy0 >= 0 && iy0 + 4 <= H && ix0 >= 0 && ix0 + 4 <= W) {
                        int s0 = xBase + iy0 * W + ix0, s1 = s0 + W, s2 = s1 + W, s3 = s2 + W;
                        // Bᵀ d (rows combined: e0 = d0 - d2, e1 = d1 + d2, e2 = d2 - d1, e3 = d1 - d3), then · B.
                        float e00 = x[s0] - x[s2], e01 = x[s0 + 1] - x[s2 + 1], e02 = x[s0 + 2] - x[s2 + 2], e03 = x[s0 + 3] - x[s2 + 3];
                        float e10 = x[s1] + x[s2], e11 = x[s1 + 1] + x[s2 + 1], e12 = x[s1 + 2] + x[s2 + 2], e13 = x[s1 + 3] + x[s2 + 3];
                        float e20 = x[s2] - x[s1], e21 = x[s2 + 1] - x[s1 + 1], e22 = x[s2 + 2] - x[s1 + 2], e23 = x[s2 + 3] - x[s1 + 3];
                        float e30 = x[s1] - x[s3], e31 = x[s1 + 1] - x[s3 + 1], e32 = x[s1 + 2] - x[s3 + 2], e33 = x[s1 + 3] - x[s3 + 3];
                        put(v, ct, o, 0, e00, e01, e02, e03);
                        put(v, ct, o, 1, e10, e11, e12, e13);
                        put(v, ct, o, 2, e20, e21, e22, e23);
                        put(v, ct, o, 3, e30, e31, e32, e33);
                        continue;
                    }
                    // A tile over the border: gather with zeros, then the same transform.
                    for (int i = 0; i < 4; i++) {
                        int iy = iy0 + i;
                        for (int j = 0; j < 4; j++) {
                            int ix = ix0 + j;
                            d[4 * i + j] = iy >= 0 && iy < H && ix >= 0 && ix < W ? x[xBase + iy * W + ix] : 0f;
                        }
                    }
                    for (int j = 0; j < 4; j++) {
                        float d0 = d[j], d1 = d[4 + j], d2 = d[8 + j], d3 = d[12 + j];
                        d[j] = d0 - d2;
                        d[4 + j] = d1 + d2;
                        d[8 + j] = d2 - d1;
                        d[12 + j] = d1 - d3;
                    }
                    for (int i = 0; i < 4; i++) put(v, ct, o, i, d[4 * i], d[4 * i + 1], d[4 * i + 2], d[4 * i + 3]);
                }
            }
        }
    }

    /** Row i of V = (Bᵀ d) B from row i of Bᵀ d. */
    private static void put(float[] v, int ct, int o, int i, float e0, float e1, float e2, float e3) {
        v[(4 * i) * ct + o] = e0 - e2;
        v[(4 * i + 1) * ct + o] = e1 + e2;
        v[(4 * i + 2) * ct + o] = e2 - e1;
        v[(4 * i + 3) * ct + o] = e1 - e3;
    }

    /** y tiles = Aᵀ M A (+ bias) with Aᵀ = [1 1 1 0; 0 1 -1 -1], for filters [f0, f1). */
    private static void outputTiles(float[] m, float[] bias, Window2d g, int f, int n, int ty0, int ty1,
                                    float[] y, int f0, int f1) {
        int oH = g.oH(), oW = g.oW(), tilesW = (oW + 1) / 2, t = (ty1 - ty0) * tilesW, ft = f * t;
        for (int o = f0; o < f1; o++) {
            float b = bias == null ? 0f : bias[o];
            int yBase = (n * f + o) * oH * oW;
            for (int ty = ty0; ty < ty1; ty++) {
                for (int tx = 0; tx < tilesW; tx++) {
                    int q = o * t + (ty - ty0) * tilesW + tx;
                    float s4 = m[4 * ft + q], s5 = m[5 * ft + q], s6 = m[6 * ft + q], s7 = m[7 * ft + q];
                    float s8 = m[8 * ft + q], s9 = m[9 * ft + q], s10 = m[10 * ft + q], s11 = m[11 * ft + q];
                    // Rows: r0 = s0 + s1 + s2, r1 = s1 - s2 - s3 (for each of the 4 columns).
                    float a00 = m[q] + s4 + s8, a01 = m[ft + q] + s5 + s9, a02 = m[2 * ft + q] + s6 + s10, a03 = m[3 * ft + q] + s7 + s11;
                    float a10 = s4 - s8 - m[12 * ft + q], a11 = s5 - s9 - m[13 * ft + q];
                    float a12 = s6 - s10 - m[14 * ft + q], a13 = s7 - s11 - m[15 * ft + q];
                    int oy = 2 * ty, ox = 2 * tx, at = yBase + oy * oW + ox;
                    boolean right = ox + 1 < oW, below = oy + 1 < oH;
                    y[at] = a00 + a01 + a02 + b;
                    if (right) y[at + 1] = a01 - a02 - a03 + b;
                    if (below) {
                        y[at + oW] = a10 + a11 + a12 + b;
                        if (right) y[at + oW + 1] = a11 - a12 - a13 + b;
                    }
                }
            }
        }
    }

    private static float[] grow(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }
}
