package dev.beak.kernel;

import dev.beak.ops.Window2d;

/**
 * The weight gradient of a 3x3 stride-1 convolution by Winograd F(2x2, 3x3), the transpose of
 * {@link Winograd}'s forward pass. The forward pass computes, per tile position ξ,
 * {@code M[ξ](F, T) = U[ξ](F, C) * V[ξ](C, T)} over the T output tiles and then {@code y = Aᵀ M A};
 * so with {@code U = G w Gᵀ}:
 * <pre>
 *   dM[ξ](F, T) = (A dY Aᵀ)[ξ]        V[ξ](C, T) = (Bᵀ d B)[ξ]
 *   dU[ξ](F, C) = dM[ξ] * V[ξ]ᵀ       (16 products, the tiles being the depth)
 *   dw(f, c)   += Gᵀ dU(f, c) G
 * </pre>
 * Per output pixel that is 4 multiply-adds per channel and filter against im2col's 9.
 *
 * <p>Layout: the products need V and dM with tiles as the depth and channels (filters) across,
 * the opposite of the forward pass's. So each tile row's inputs and output gradients are first
 * gathered channels-last into per-thread slabs, and the transforms run with channels in the vector
 * lanes ({@link WinogradTransforms#inputChannels}, {@link WinogradTransforms#gradientChannels}),
 * writing V straight into B panels (nr channels wide) and dM into panels the tile kernel reads in
 * place as A, {@code nr} floats a step. Tiles go in passes whose V and dM (16 x tiles x (C + F)
 * floats) stay within {@value #PASS_FLOATS} floats, half the L3 cache of the machines measured;
 * within a pass the products are split by ξ and channel panel, so each task owns its part of dU
 * (no per-thread copies to reduce) and reads its B panel from L1 for every filter.
 */
public final class WinogradWeights {
    /** Tiles per tile-kernel call (the depth): a B panel of KC x nr floats stays in L1. */
    private static final int KC = 128;
    /** Most floats of V and dM one pass holds (16 MiB). */
    private static final int PASS_FLOATS = 1 << 22;
    /** Floats between consecutive ξ in V and dM, so the 16 do not fall in the same L1 sets. */
    private static final int SKEW = 16;
    private static final int MIN_CHANNELS = 64;
    private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("beak.winograd", ""));

    /** A thread's buffers: V and dM of a pass or chunk, and dU. */
    private static final class Work {
        float[] v = new float[0], dm = new float[0], du = new float[0];
        /** The caller's dU of each part when the threads split the tiles (a thread may run several parts). */
        float[][] parts = new float[0][];
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);
    /** Per-thread channels-last slabs of one tile row: inputs and output gradients. */
    private static final ThreadLocal<float[][]> SLABS = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

    private WinogradWeights() {}

    /**
     * Whether to compute this layer's weight gradient here: Winograd {@link Winograd#applies}, the
     * Vector API is on, and there are at least 64 channels and filters (thinner layers are bound by
     * the transforms and gathers). {@code -Dbeak.winograd=false} turns it off with the rest of Winograd.
     */
    public static boolean pays(Window2d g, int f) {
        return ENABLED && Winograd.applies(g) && Kernels.vectorized() && g.c() >= MIN_CHANNELS && f >= MIN_CHANNELS;
    }

    /**
     * dw (F, C, 3, 3) += the weight gradient of conv(x, w) given dy: x (N, C, H, W), dy (N, F, oH, oW),
     * {@code g} the forward window, which must be 3x3 with stride 1 ({@link Winograd#applies}).
     */
    public static void backward(float[] x, float[] dy, Window2d g, int f, float[] dw) {
        backward(x, dy, g, f, dw, Kernels.tileKernel(), Kernels.winogradTransforms(), 0, null);
    }

    /**
     * {@link #backward} on the given kernels, {@code rows} tile rows a pass or chunk (0: as many as
     * fit the budget), by threads (true), shared passes (false) or as measured best (null).
     */
    static void backward(float[] x, float[] dy, Window2d g, int f, float[] dw, TileKernel tk, WinogradTransforms tf,
                         int rows, Boolean byThreads) {
        if (!Winograd.applies(g)) throw new IllegalArgumentException("Winograd weight gradient needs a 3x3 stride-1 window, got " + g);
        int nr = tk.nr(), c = g.c(), cp = roundUp(c, nr), fp = roundUp(f, nr), fc = fp * cp;
        int tilesW = (g.oW() + 1) / 2, tileRows = g.n() * ((g.oH() + 1) / 2), parts = Math.min(Parallel.threads(), tileRows);
        long tiles = (long) tileRows * tilesW;
        boolean split = byThreads != null ? byThreads : tiles >= 4L * parts * fp * cp / (fp + cp);
        int rowFloats = 16 * tilesW * (cp + fp);
        int chunk = Math.max(1, Math.min(tileRows, rows > 0 ? rows : (split ? CHUNK_FLOATS : PASS_FLOATS) / rowFloats));
        float[][] du;
        if (split) {
            Work caller = WORK.get();
            if (caller.parts.length < parts) caller.parts = java.util.Arrays.copyOf(caller.parts, parts);
            for (int t = 0; t < parts; t++) caller.parts[t] = grow(caller.parts[t] == null ? new float[0] : caller.parts[t], 16 * fc);
            du = java.util.Arrays.copyOf(caller.parts, parts);
            Parallel.forEach(parts, t -> {
                Work work = WORK.get();
                float[] acc = du[t];
                int r0 = (int) ((long) tileRows * t / parts), r1 = (int) ((long) tileRows * (t + 1) / parts);
                Buffers b = buffers(work, chunk * tilesW, cp, fp);
                for (int r = r0; r < r1; r += chunk) {
                    int count = Math.min(chunk, r1 - r), tp = count * tilesW;
                    for (int q = 0; q < count; q++) transformRow(tf, x, dy, g, f, cp, fp, nr, r + q, q * tilesW, tp, b);
                    for (int xi = 0; xi < 16; xi++) {
                        for (int panel = 0; panel < cp / nr; panel++) products(tk, b, xi, panel, tp, fp, cp, acc, r == r0);
                    }
                }
            });
        } else {
            Work caller = WORK.get();
            float[] acc = caller.du = grow(caller.du, 16 * fc);
            du = new float[][] {acc};
            Buffers b = buffers(caller, chunk * tilesW, cp, fp);
            int panels = cp / nr;
            for (int r0 = 0; r0 < tileRows; r0 += chunk) {
                int first = r0, count = Math.min(chunk, tileRows - r0), tp = count * tilesW;
                Parallel.forRange(count, (from, to) -> {
                    for (int q = from; q < to; q++) transformRow(tf, x, dy, g, f, cp, fp, nr, first + q, q * tilesW, tp, b);
                });
                boolean overwrite = r0 == 0;
                Parallel.forEach(16 * panels, task -> products(tk, b, task / panels, task % panels, tp, fp, cp, acc, overwrite));
            }
        }
        Parallel.forRange(f, (from, to) -> {
            for (int o = from; o < to; o++) filterGradients(du, fc, o, cp, c, dw);
        });
    }

    /**
     * Most floats of V and dM in one chunk of a thread's tiles (1 MiB, half of L2), when the threads
     * take the tiles in turn, each summing into its own dU: layers with many tiles for their
     * channels (ResNet-18's 56 x 56 and 28 x 28 at batch 8), whose V and dM (tens of MiB) would
     * otherwise go through memory twice.
     */
    private static final int CHUNK_FLOATS = 1 << 18;

    /** V and dM buffers with their ξ strides. */
    private record Buffers(float[] v, int vStep, float[] dm, int dmStep) {}

    private static Buffers buffers(Work work, int tiles, int cp, int fp) {
        int vStep = tiles * cp + SKEW, dmStep = tiles * fp + SKEW;
        work.v = grow(work.v, 16 * vStep);
        work.dm = grow(work.dm, 16 * dmStep);
        return new Buffers(work.v, vStep, work.dm, dmStep);
    }

    /**
     * dU[ξ] for one panel of nr channels (+)= dM[ξ] * V[ξ]ᵀ over {@code tp} tiles, KC tiles a call:
     * A is dM read in place ({@code nr} floats a step), B the V panel.
     */
    private static void products(TileKernel tk, Buffers b, int xi, int panel, int tp, int fp, int cp, float[] du, boolean overwrite) {
        int mr = tk.mr(), nr = tk.nr(), vAt = xi * b.vStep() + panel * tp * nr, dmAt = xi * b.dmStep(), duAt = xi * fp * cp + panel * nr;
        for (int p0 = 0; p0 < tp; p0 += KC) {
            int kc = Math.min(KC, tp - p0);
            for (int o = 0; o < fp; o += mr) {
                tk.tile(kc, b.dm(), dmAt + (o / nr * tp + p0) * nr + o % nr, nr, b.v(), vAt + p0 * nr,
                        du, duAt + o * cp, cp, overwrite && p0 == 0);
            }
        }
    }

    /**
     * V and dM of tile row {@code row} (numbered over the batch), its first tile being tile
     * {@code p0} of the pass: the row's 4 input rows and 2 output-gradient rows are gathered
     * channels-last (channels padded to cp and fp with zeros), then transformed tile by tile.
     */
    private static void transformRow(WinogradTransforms tf, float[] x, float[] dy, Window2d g, int f, int cp, int fp,
                                     int nr, int row, int p0, int tp, Buffers b) {
        int tilesH = (g.oH() + 1) / 2, tilesW = (g.oW() + 1) / 2, n = row / tilesH, ty = row % tilesH;
        int q = 2 * tilesW + 2, ow = 2 * tilesW;
        float[][] slabs = SLABS.get();
        float[] xs = slabs[0] = grow(slabs[0], 4 * q * cp), ys = slabs[1] = grow(slabs[1], 2 * ow * fp);
        gatherInputs(x, g, n, 2 * ty - g.padTop(), q, cp, xs);
        gatherGradients(dy, g, f, n, 2 * ty, ow, fp, ys);
        for (int tx = 0; tx < tilesW; tx++) {
            int at = (p0 + tx) * nr;
            tf.inputChannels(xs, 2 * tx * cp, q * cp, cp, cp, b.v(), at, b.vStep(), tp * nr, nr);
            tf.gradientChannels(ys, 2 * tx * fp, ow * fp, fp, fp, b.dm(), at, b.dmStep(), tp * nr, nr);
        }
    }

    /** xs(i, j, ch) := x(n, ch, iy0 + i, j - padLeft) for i < 4, j < q, ch < cp; zero outside the image and past C. */
    private static void gatherInputs(float[] x, Window2d g, int n, int iy0, int q, int cp, float[] xs) {
        int c = g.c(), h = g.h(), w = g.w(), pad = g.padLeft();
        int lo = Math.min(q, pad), hi = Math.max(lo, Math.min(q, pad + w));
        for (int i = 0; i < 4; i++) {
            int iy = iy0 + i, rowAt = i * q * cp;
            if (iy < 0 || iy >= h) {
                java.util.Arrays.fill(xs, rowAt, rowAt + q * cp, 0f);
                continue;
            }
            java.util.Arrays.fill(xs, rowAt, rowAt + lo * cp, 0f);
            java.util.Arrays.fill(xs, rowAt + hi * cp, rowAt + q * cp, 0f);
            for (int ch = 0; ch < c; ch++) {
                int src = ((n * c + ch) * h + iy) * w - pad;
                for (int j = lo, at = rowAt + lo * cp + ch; j < hi; j++, at += cp) xs[at] = x[src + j];
            }
            for (int j = lo; j < hi && c < cp; j++) java.util.Arrays.fill(xs, rowAt + j * cp + c, rowAt + (j + 1) * cp, 0f);
        }
    }

    /** ys(u, j, o) := dy(n, o, oy0 + u, j) for u < 2, j < ow, o < fp; zero past the output and past F. */
    private static void gatherGradients(float[] dy, Window2d g, int f, int n, int oy0, int ow, int fp, float[] ys) {
        int oH = g.oH(), oW = g.oW();
        for (int u = 0; u < 2; u++) {
            int oy = oy0 + u, rowAt = u * ow * fp;
            if (oy >= oH) {
                java.util.Arrays.fill(ys, rowAt, rowAt + ow * fp, 0f);
                continue;
            }
            for (int o = 0; o < f; o++) {
                int src = ((n * f + o) * oH + oy) * oW;
                for (int j = 0, at = rowAt + o; j < oW; j++, at += fp) ys[at] = dy[src + j];
            }
            java.util.Arrays.fill(ys, rowAt + oW * fp, rowAt + ow * fp, 0f);
            for (int j = 0; j < oW && f < fp; j++) java.util.Arrays.fill(ys, rowAt + j * fp + f, rowAt + (j + 1) * fp, 0f);
        }
    }

    /**
     * dw(o, ch) += Gᵀ dU(o, ch) G for every channel ch < c of filter o, with G = [1 0 0; ½ ½ ½; ½ -½ ½; 0 0 1]:
     * dU is the sum of the parts {@code du}, entry ξ at {@code du[t][ξ * fc + o * cp + ch]}, 4 x 4 folding
     * to 3 x 3. Rows first, {@code s(a, j) = Σi G(i, a) dU(i, j)}; then the same on columns. Locals
     * only, so C2 keeps them in registers.
     */
    private static void filterGradients(float[][] du, int fc, int o, int cp, int c, float[] dw) {
        for (int ch = 0; ch < c; ch++) {
            int at = o * cp + ch, d = (o * c + ch) * 9;
            float a0 = sum(du, at), a1 = sum(du, fc + at), a2 = sum(du, 2 * fc + at), a3 = sum(du, 3 * fc + at);
            float b0 = sum(du, 4 * fc + at), b1 = sum(du, 5 * fc + at), b2 = sum(du, 6 * fc + at), b3 = sum(du, 7 * fc + at);
            float c0 = sum(du, 8 * fc + at), c1 = sum(du, 9 * fc + at), c2 = sum(du, 10 * fc + at), c3 = sum(du, 11 * fc + at);
            float d0 = sum(du, 12 * fc + at), d1 = sum(du, 13 * fc + at), d2 = sum(du, 14 * fc + at), d3 = sum(du, 15 * fc + at);
            // Row a of s from rows a, b, c, d of dU (G's columns: [1 ½ ½ 0], [0 ½ -½ 0], [0 ½ ½ 1]).
            float h0 = 0.5f * (b0 + c0), h1 = 0.5f * (b1 + c1), h2 = 0.5f * (b2 + c2), h3 = 0.5f * (b3 + c3);
            fold(dw, d, a0 + h0, a1 + h1, a2 + h2, a3 + h3);
            fold(dw, d + 3, 0.5f * (b0 - c0), 0.5f * (b1 - c1), 0.5f * (b2 - c2), 0.5f * (b3 - c3));
            fold(dw, d + 6, h0 + d0, h1 + d1, h2 + d2, h3 + d3);
        }
    }

    /** One row of dw += (s0 s1 s2 s3) G. */
    private static void fold(float[] dw, int d, float s0, float s1, float s2, float s3) {
        float half = 0.5f * (s1 + s2);
        dw[d] += s0 + half;
        dw[d + 1] += 0.5f * (s1 - s2);
        dw[d + 2] += half + s3;
    }

    /** The parts' entry i, summed in part order (the same sum on every run). */
    private static float sum(float[][] parts, int i) {
        float total = parts[0][i];
        for (int t = 1; t < parts.length; t++) total += parts[t][i];
        return total;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static float[] grow(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }
}
