package dev.beak.kernel;

import dev.beak.ops.Window2d;

/**
 * 3x3 stride-1 convolution by Winograd's minimal filtering F(2x2, 3x3) (Lavin and Gray, 2016, "Fast
 * Algorithms for Convolutional Neural Networks"): each 2x2 output tile is {@code Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A}
 * for the 4x4 input tile d, so the multiply-adds per output drop from 9 to 4 per input channel.
 * Over channels the element-wise products are 16 matrix products, one per tile position ξ:
 * <pre>
 *   U[ξ](F, C) = (G g Gᵀ)[ξ]        V[ξ](C, T) = (Bᵀ d B)[ξ]        M[ξ](F, T) = U[ξ] * V[ξ]
 *   y tile = Aᵀ M A  (+ bias)
 * </pre>
 * Fused, one block of {@code nr} tiles at a time: U is transformed once per call straight into the
 * packed A-panel layout of the {@link TileKernel}; the input is rewritten as split planes (see
 * {@link WinogradTransforms}); a block's input transform writes V[ξ] straight into B-panel layout
 * (nr tiles wide, C deep); then for each block of 64 filters the tile-kernel calls leave M (16 x 64 x
 * nr floats) in L2, and the output transform writes y. No packing pass and no barrier inside a layer:
 * blocks of tiles (over all images, so batch 1 parallelises as well as batch 64) are independent
 * tasks, split over filter groups too when there are few.
 *
 * <p>Numerics: the transforms add and subtract (the G rows halve), so results differ from the direct
 * sum by a few ulps of the largest terms.
 */
public final class Winograd {
    /** Depth (channels) of one tile-kernel call: the B panel, KC x nr floats, stays in L1. */
    private static final int KC = 256;

    private static final class Work {
        float[] u = new float[0], planes = new float[0], v = new float[0], m = new float[0], out = new float[0];
        float[] vAll = new float[0];
        /** The block's runs of adjacent tiles: image, tile row, first tile column, length, first column of V. */
        int[] runImage = new int[0], runRow = new int[0], runX = new int[0], runLength = new int[0], runStart = new int[0];
        int runs;
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    private Winograd() {}

    /** Whether the layer is one this kernel computes: 3x3, stride 1, dilation 1. */
    public static boolean applies(Window2d g) {
        return g.kH() == 3 && g.kW() == 3 && g.strideH() == 1 && g.strideW() == 1
                && g.dilationH() == 1 && g.dilationW() == 1;
    }

    /**
     * Whether Winograd should run this layer, as measured on 2 Zen 5 cores (ConvBenchMain, VGG16 and
     * ResNet-18 layers): it {@link #applies}, the Vector API is on, there are at least 64 channels and
     * filters (thinner layers are bound by the transforms), tile rows of at least 4 tiles (shorter runs
     * leave most vector lanes idle) and at least {@value #MIN_TILES} tiles over the batch (fewer do
     * not pay for transforming the filters: VGG16's 14 x 14 layers at batch 1). There it took 35-60 %
     * off im2col's time. {@code -Dbeak.winograd=false} turns it off.
     */
    public static boolean pays(Window2d g, int f) {
        return ENABLED && applies(g) && Kernels.vectorized() && g.c() >= MIN_CHANNELS && f >= MIN_CHANNELS
                && g.oW() >= MIN_WIDTH && (long) g.n() * ((g.oH() + 1) / 2) * ((g.oW() + 1) / 2) >= MIN_TILES;
    }

    /**
     * {@link #pays} widened for a forward pass alone (inference): from 32 filters when there are at
     * least {@value #MIN_TILES_THIN} tiles. DenseNet-121's 3x3 layers (128 channels to 32 filters) at
     * 56 x 56 and batch 1 took 13-17 ms instead of 19-43 ms for the six of them (four runs each, on a
     * loaded host); at 28 x 28 (196 tiles) im2col stayed as fast or faster, hence the tile count.
     */
    public static boolean paysForward(Window2d g, int f) {
        return pays(g, f) || ENABLED && applies(g) && Kernels.vectorized() && g.c() >= MIN_CHANNELS && f >= MIN_FILTERS_THIN
                && g.oW() >= MIN_WIDTH && (long) g.n() * ((g.oH() + 1) / 2) * ((g.oW() + 1) / 2) >= MIN_TILES_THIN;
    }

    private static final int MIN_CHANNELS = 64;
    private static final int MIN_FILTERS_THIN = 32;
    private static final int MIN_TILES_THIN = 512;
    private static final int MIN_WIDTH = 7;
    private static final int MIN_TILES = 128;
    private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("beak.winograd", ""));

    /** y := conv(x, w) + bias, as {@link Conv2dKernel#forward}; requires {@link #applies}. */
    public static void forward(float[] x, float[] w, float[] bias, Window2d g, int f, float[] y) {
        forward(x, w, bias, g, f, y, false);
    }

    /**
     * Filters (F, C, 3, 3) transformed once into U, for a convolution whose filters stay fixed (an
     * inference plan's): {@link #forward(float[], Transformed, float[], Window2d, float[])} then skips
     * the transform, which on deep layers at batch 1 costs as much as the products (U of 512 x 512
     * filters is 16 MiB).
     */
    public static final class Transformed {
        final int f, c;
        final float[] u;

        private Transformed(int f, int c, float[] u) {
            this.f = f;
            this.c = c;
            this.u = u;
        }

        /** Filters. */
        public int filters() {
            return f;
        }
    }

    /** w (F, C, 3, 3) transformed for {@link #forward(float[], Transformed, float[], Window2d, float[])}. */
    public static Transformed transform(float[] w, int f, int c) {
        int mr = Kernels.tileKernel().mr(), fp = (f + mr - 1) / mr * mr;
        float[] u = new float[Math.multiplyExact(16, uStep(fp, c))];
        filters(w, f, c, mr, fp, u, false);
        return new Transformed(f, c, u);
    }

    /** y := conv(x, w) + bias with the filters transformed beforehand; as the other forward otherwise. */
    public static void forward(float[] x, Transformed w, float[] bias, Window2d g, float[] y) {
        if (w.c != g.c()) throw new IllegalArgumentException("filters transformed for " + w.c + " channels, input has " + g.c());
        forward(x, null, w.u, bias, g, w.f, y, false, PLANE_FLOATS, false);
    }

    /**
     * Whether Winograd should run this layer for a forward pass with filters transformed beforehand
     * ({@link #transform}): as {@link #paysForward}, and also on 14 x 14 and 13 x 13 maps at batch 1
     * (49 tiles) from 64 channels and 32 filters. Measured on one Zen 4 core (thread CPU time, filters
     * transformed on every call even): ResNet-50's 256 x 256 at 14 x 14 took 3.3 ms instead of im2col's
     * 4.3, VGG-19's 512 x 512 12.4 instead of 15.0, AlexNet's 384 to 256 at 13 x 13 4.6 instead of 5.8;
     * on 7 x 7 maps (16 tiles) im2col stayed twice as fast. With the filters transformed once,
     * DenseNet-121's 128 to 32 at 28 x 28 took 0.74-0.99 ms instead of 1.0-1.2.
     */
    public static boolean paysFrozen(Window2d g, int f) {
        return paysForward(g, f) || ENABLED && applies(g) && Kernels.vectorized() && g.c() >= MIN_CHANNELS && f >= MIN_FILTERS_THIN
                && g.oW() >= MIN_WIDTH && (long) g.n() * ((g.oH() + 1) / 2) * ((g.oW() + 1) / 2) >= MIN_TILES_FROZEN;
    }

    private static final int MIN_TILES_FROZEN = 49;

    /**
     * The input gradient of a convolution by Winograd: dx += conv(dy, w'), where w'(C, F, 3, 3) is w
     * with filters and channels swapped and each 3x3 window turned by 180 degrees, and dy is padded
     * by 2 minus the forward padding on each side (the "full" correlation), so dx comes out H x W.
     * {@code g} is the forward window; requires {@link #appliesBackward}.
     */
    public static void backwardInput(float[] dy, float[] w, Window2d g, int f, float[] dx) {
        if (!appliesBackward(g)) throw new IllegalArgumentException("Winograd input gradient needs a 3x3 stride-1 window padded at most 2, got " + g);
        forward(dy, w, null, null, backwardWindow(g, f), g.c(), dx, true, PLANE_FLOATS, true);
    }

    /** Whether {@link #backwardInput} computes this layer's input gradient: {@link #applies}, padding at most 2. */
    public static boolean appliesBackward(Window2d g) {
        return applies(g) && Math.max(Math.max(g.padTop(), g.padBottom()), Math.max(g.padLeft(), g.padRight())) <= 2;
    }

    /** Whether Winograd should compute this layer's input gradient: {@link #pays} for the transposed window. */
    public static boolean paysBackward(Window2d g, int f) {
        return appliesBackward(g) && pays(backwardWindow(g, f), g.c());
    }

    /** The window of the input gradient: dy (N, F, oH, oW) as input, padded so the output is H x W. */
    private static Window2d backwardWindow(Window2d g, int f) {
        return new Window2d(g.n(), f, g.oH(), g.oW(), 3, 3, 1, 1, 1, 1,
                2 - g.padTop(), 2 - g.padBottom(), 2 - g.padLeft(), 2 - g.padRight());
    }

    /** y := conv(x, w) + bias, or y += that when {@code accumulate}. */
    static void forward(float[] x, float[] w, float[] bias, Window2d g, int f, float[] y, boolean accumulate) {
        forward(x, w, null, bias, g, f, y, accumulate, PLANE_FLOATS, false);
    }

    /**
     * The forward pass; with {@code turned}, w holds the weights of the layer whose input gradient this
     * is, (c, f, 3, 3) in this call's terms, read as the turned filters of {@link #backwardInput}
     * without copying them. Given {@code transformed} (U from {@link #transform}), w is not read.
     */
    static void forward(float[] x, float[] w, float[] transformed, float[] bias, Window2d g, int f, float[] y, boolean accumulate,
                        int planeFloats, boolean turned) {
        if (!applies(g)) throw new IllegalArgumentException("Winograd F(2x2, 3x3) needs a 3x3 stride-1 window, got " + g);
        TileKernel tk = Kernels.tileKernel();
        WinogradTransforms tf = Kernels.winogradTransforms();
        int mr = tk.mr(), nr = tk.nr(), c = g.c(), fp = (f + mr - 1) / mr * mr;
        int tilesW = (g.oW() + 1) / 2, tilesH = (g.oH() + 1) / 2, half = tilesW + 1, planeSize = (2 * tilesH + 2) * 2 * half;
        Work caller = WORK.get();
        float[] u = transformed != null ? transformed : (caller.u = grow(caller.u, 16 * uStep(fp, c)));
        // Images in passes whose split planes fit in PLANE_FLOATS (a batch of VGG16's 224 x 224 maps would
        // otherwise double the layer's memory).
        int perPass = Math.max(1, Math.min(g.n(), planeFloats / (c * planeSize))), perImage = tilesH * tilesW;
        // One pass by filter slices: each slice's task transforms its own filters just before it uses
        // them, so U (16 MiB for 512 x 512) is not written out to memory and read back.
        boolean slicesTransform = transformed == null && perPass == g.n() && bySlices(g.n() * perImage, nr, c);
        if (!slicesTransform && transformed == null) filters(w, f, c, mr, fp, u, turned);
        float[] planes = caller.planes = grow(caller.planes, perPass * c * planeSize);
        for (int n0 = 0; n0 < g.n(); n0 += perPass) {
            int n1 = Math.min(g.n(), n0 + perPass), first = n0;
            Parallel.forRange((n1 - n0) * c, (from, to) -> {
                for (int q = from; q < to; q++) splitPlane(x, g, first * c + q, half, planes, q * planeSize);
            });
            int t0 = n0 * perImage, tiles = (n1 - n0) * perImage;
            int blocks = (tiles + nr - 1) / nr, groups = fp / mr;
            if (bySlices(tiles, nr, c)) {
                filterSlices(tk, tf, planes, planeSize, first, u, bias, g, f, fp, y, t0, tiles, accumulate, caller,
                        slicesTransform ? w : null, turned);
                continue;
            }
            // Few blocks but too much V to keep: split each block's filters too, for 4+ tasks per thread.
            int split = Math.min(groups, Math.max(1, (4 * Parallel.threads() + blocks - 1) / blocks));
            Parallel.forEach(blocks * split, task -> {
                int b = task / split, s = task % split;
                int g0 = (int) ((long) groups * s / split), g1 = (int) ((long) groups * (s + 1) / split);
                block(tk, tf, planes, planeSize, first, u, bias, g, f, fp, y, t0 + b * nr, t0 + Math.min(tiles, (b + 1) * nr),
                        g0 * mr, g1 * mr, accumulate);
            });
        }
    }

    /** Whether a pass of {@code tiles} tiles runs by {@link #filterSlices}: few blocks, and their V fits. */
    private static boolean bySlices(int tiles, int nr, int c) {
        int blocks = (tiles + nr - 1) / nr;
        return blocks < 4 * Parallel.threads() && (long) blocks * 16 * (c * nr + SKEW) <= V_ALL_FLOATS;
    }

    /** Most floats of V that {@link #filterSlices} transforms ahead (64 MiB). */
    private static final int V_ALL_FLOATS = 1 << 24;

    /** Floats of split planes one pass of {@link #forward} prepares (64 MiB). */
    private static final int PLANE_FLOATS = 1 << 24;

    /** Plane {@code q} (image q / C, channel q % C) of x as a split plane (see {@link WinogradTransforms}) at {@code p[at]}. */
    private static void splitPlane(float[] x, Window2d g, int q, int half, float[] p, int at) {
        int H = g.h(), W = g.w(), rows = 2 * ((g.oH() + 1) / 2) + 2, src = q * H * W;
        for (int r = 0; r < rows; r++, at += 2 * half) {
            int iy = r - g.padTop();
            if (iy < 0 || iy >= H) {
                java.util.Arrays.fill(p, at, at + 2 * half, 0f);
                continue;
            }
            int line = src + iy * W, pad = g.padLeft();
            // Columns k whose two inputs 2k - pad and 2k + 1 - pad are both inside the row: [lo, hi).
            int lo = Math.min(half, (pad + 1) / 2), hi = Math.max(lo, Math.min(half, (W + pad) / 2));
            for (int k = 0; k < lo; k++) splitEdge(x, line, W, 2 * k - pad, p, at + k, half);
            Kernels.interleave().split(x, line + 2 * lo - pad, hi - lo, p, at + lo, at + half + lo);
            for (int k = hi; k < half; k++) splitEdge(x, line, W, 2 * k - pad, p, at + k, half);
        }
    }

    /** One column pair of a split row at the border: inputs ix and ix + 1, zero outside [0, W). */
    private static void splitEdge(float[] x, int line, int w, int ix, float[] p, int at, int half) {
        p[at] = ix >= 0 && ix < w ? x[line + ix] : 0f;
        p[at + half] = ix + 1 >= 0 && ix + 1 < w ? x[line + ix + 1] : 0f;
    }

    /**
     * U packed for the tile kernel: for each ξ, A panels of {@code mr} filters, C deep; element
     * (filter o, channel ch) of U[ξ] sits at {@code (ξ * fp + o - o % mr) * c + ch * mr + o % mr}.
     * Each 3x3 filter g becomes G g Gᵀ (4x4); filters past f (padding to whole panels) are zero.
     * {@code turned}: filter o, channel ch is w's filter ch, channel o, turned by 180 degrees (the
     * input gradient's filters, read in place).
     */
    static void filters(float[] w, int f, int c, int mr, int fp, float[] u, boolean turned) {
        Parallel.forRange(fp / mr, (from, to) -> filterPanels(w, f, c, mr, fp, u, turned, from * mr, to * mr));
    }

    /** {@link #filters} for filters [o0, o1) (whole panels) only, on the calling thread. */
    static void filterPanels(float[] w, int f, int c, int mr, int fp, float[] u, boolean turned, int o0, int o1) {
        int step = uStep(fp, c);
        // Panel by panel, channel by channel: each of the 16 ξ streams is written in order.
        for (int panel = o0; panel < o1; panel += mr) {
            for (int ch = 0; ch < c; ch++) {
                for (int r = 0, at = panel * c + ch * mr, o = panel; r < mr; r++, at++, o++) {
                    if (o >= f) {
                        for (int xi = 0; xi < 16; xi++) u[xi * step + at] = 0f;
                        continue;
                    }
                    // Rows of t = G g (4x3), G = [1 0 0; .5 .5 .5; .5 -.5 .5; 0 0 1]; locals so C2 keeps them in registers.
                    float g00, g01, g02, g10, g11, g12, g20, g21, g22;
                    if (turned) {
                        int q = (ch * f + o) * 9;
                        g00 = w[q + 8]; g01 = w[q + 7]; g02 = w[q + 6];
                        g10 = w[q + 5]; g11 = w[q + 4]; g12 = w[q + 3];
                        g20 = w[q + 2]; g21 = w[q + 1]; g22 = w[q];
                    } else {
                        int q = (o * c + ch) * 9;
                        g00 = w[q]; g01 = w[q + 1]; g02 = w[q + 2];
                        g10 = w[q + 3]; g11 = w[q + 4]; g12 = w[q + 5];
                        g20 = w[q + 6]; g21 = w[q + 7]; g22 = w[q + 8];
                    }
                    filterRow(u, step, at, 0, g00, g01, g02);
                    filterRow(u, step, at, 1, 0.5f * (g00 + g10 + g20), 0.5f * (g01 + g11 + g21), 0.5f * (g02 + g12 + g22));
                    filterRow(u, step, at, 2, 0.5f * (g00 - g10 + g20), 0.5f * (g01 - g11 + g21), 0.5f * (g02 - g12 + g22));
                    filterRow(u, step, at, 3, g20, g21, g22);
                }
            }
        }
    }

    /** Row i of U = t Gᵀ from row i of t = G g: entries ξ = 4i .. 4i+3, {@code step} apart. */
    private static void filterRow(float[] u, int step, int at, int i, float a, float b, float c) {
        u[(4 * i) * step + at] = a;
        u[(4 * i + 1) * step + at] = 0.5f * (a + b + c);
        u[(4 * i + 2) * step + at] = 0.5f * (a - b + c);
        u[(4 * i + 3) * step + at] = c;
    }

    /** Tiles [t0, t1) (numbered over the whole batch) for filters [f0, f1); planes hold images from {@code n0}. */
    private static void block(TileKernel tk, WinogradTransforms tf, float[] planes, int planeSize, int n0, float[] u,
                              float[] bias, Window2d g, int f, int fp, float[] y, int t0, int t1, int f0, int f1,
                              boolean accumulate) {
        int mr = tk.mr(), nr = tk.nr(), c = g.c(), step = c * nr + SKEW, ms = mr * nr;
        Work work = WORK.get();
        float[] v = work.v = grow(work.v, 16 * step), m = work.m = grow(work.m, 16 * (FILTER_BLOCK + mr) * nr);
        inputBlock(tf, planes, planeSize, n0, g, work, t0, t1, nr, v, 0);
        for (int fb = f0; fb < f1; fb += FILTER_BLOCK) {
            int fbEnd = Math.min(f1, fb + FILTER_BLOCK);
            // M[ξ] for filters fb .. fbEnd and the block's tiles, 16 small products each C deep, ξ and the
            // channel slice outermost so that each V panel (KC x nr) stays in L1 across the filter groups;
            // group q's M[ξ] at m[(q * 16 + ξ) * ms].
            for (int xi = 0; xi < 16; xi++) {
                for (int pc = 0; pc < c; pc += KC) {
                    int kc = Math.min(KC, c - pc), vAt = xi * step + pc * nr, uAt = xi * uStep(fp, c) + pc * mr;
                    for (int o = fb; o < fbEnd; o += mr) {
                        tk.tile(kc, u, uAt + o * c, v, vAt, m, ((o - fb) / mr * 16 + xi) * ms, nr, pc == 0);
                    }
                }
            }
            for (int o = fb; o < Math.min(fbEnd, f); o += mr) {
                outputs(tf, m, (o - fb) / mr * 16 * ms, ms, nr, g, f, o, Math.min(mr, f - o), work, bias, y, accumulate);
            }
        }
    }

    /**
     * Few tiles (deep layers at batch 1): products ordered by filters instead of by tiles. Otherwise
     * every block of nr tiles streams all of U (16 MiB for 512 x 512) from memory for only nr
     * multiply-adds per value. Here V is transformed for all blocks first; then each task takes a
     * slice of filters and, for every U panel it loads, runs the products of all blocks (whose V
     * panels, blocks x KC x nr floats, stay in L2), then writes its filters' outputs. Given
     * {@code w} (not null), each task first transforms its own filters into U ({@link #filterPanels}).
     */
    private static void filterSlices(TileKernel tk, WinogradTransforms tf, float[] planes, int planeSize, int n0,
                                     float[] u, float[] bias, Window2d g, int f, int fp, float[] y, int t0, int tiles,
                                     boolean accumulate, Work caller, float[] w, boolean turned) {
        int mr = tk.mr(), nr = tk.nr(), c = g.c(), step = c * nr + SKEW, ms = mr * nr;
        int blocks = (tiles + nr - 1) / nr, vBlock = 16 * step;
        float[] vAll = caller.vAll = grow(caller.vAll, blocks * vBlock);
        Parallel.forEach(blocks, b -> inputBlock(tf, planes, planeSize, n0, g, WORK.get(), t0 + b * nr,
                t0 + Math.min(tiles, (b + 1) * nr), nr, vAll, b * vBlock));
        int slice = Math.max(mr, Math.min(FILTER_BLOCK, fp / (4 * Parallel.threads()) / mr * mr));
        Parallel.forEach((fp + slice - 1) / slice, s -> {
            int fa = s * slice, fz = Math.min(fp, fa + slice), groups = (fz - fa) / mr;
            if (w != null) filterPanels(w, f, c, mr, fp, u, turned, fa, fz);
            Work work = WORK.get();
            float[] m = work.m = grow(work.m, blocks * groups * 16 * ms);
            for (int xi = 0; xi < 16; xi++) {
                for (int pc = 0; pc < c; pc += KC) {
                    int kc = Math.min(KC, c - pc), vAt = xi * step + pc * nr, uAt = xi * uStep(fp, c) + pc * mr;
                    for (int o = fa; o < fz; o += mr) {
                        for (int b = 0; b < blocks; b++) {
                            tk.tile(kc, u, uAt + o * c, vAll, b * vBlock + vAt, m,
                                    ((b * groups + (o - fa) / mr) * 16 + xi) * ms, nr, pc == 0);
                        }
                    }
                }
            }
            for (int b = 0; b < blocks; b++) {
                runs(work, g, t0 + b * nr, t0 + Math.min(tiles, (b + 1) * nr), nr);
                for (int o = fa; o < Math.min(fz, f); o += mr) {
                    outputs(tf, m, (b * groups + (o - fa) / mr) * 16 * ms, ms, nr, g, f, o, Math.min(mr, f - o), work, bias, y, accumulate);
                }
            }
        });
    }

    /**
     * V of tiles [t0, t1) in B-panel layout at {@code v[vOff + ξ * step + ch * nr + j]}, columns past
     * the tiles zero; leaves the tiles' runs in {@code work}.
     */
    private static void inputBlock(WinogradTransforms tf, float[] planes, int planeSize, int n0, Window2d g, Work work,
                                   int t0, int t1, int nr, float[] v, int vOff) {
        int c = g.c(), half = (g.oW() + 1) / 2 + 1, step = c * nr + SKEW;
        runs(work, g, t0, t1, nr);
        for (int k = 0; k < work.runs; k++) {
            int row = work.runRow[k] * 2 * 2 * half, plane = (work.runImage[k] - n0) * c;
            for (int ch = 0; ch < c; ch++) {
                tf.input(planes, (plane + ch) * planeSize + row, half, work.runX[k], work.runLength[k],
                        v, vOff + ch * nr + work.runStart[k], step, nr - work.runStart[k]);
            }
        }
        for (int xi = 0, count = t1 - t0; count < nr && xi < 16; xi++) {
            for (int ch = 0; ch < c; ch++) {
                int row = vOff + xi * step + ch * nr;
                java.util.Arrays.fill(v, row + count, row + nr, 0f);
            }
        }
    }

    /** y for filters o .. o+rows and the tiles of {@code work}'s runs, from M[ξ] of that group at {@code m[mAt + ξ * ms]}. */
    private static void outputs(WinogradTransforms tf, float[] m, int mAt, int ms, int nr, Window2d g, int f, int o,
                                int rows, Work work, float[] bias, float[] y, boolean accumulate) {
        float[] out = work.out = grow(work.out, 4 * nr);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < work.runs; k++) {
                tf.output(m, mAt + r * nr + work.runStart[k], ms, work.runLength[k], bias == null ? 0f : bias[o + r], out, nr);
                scatter(out, nr, g, f, o + r, work.runImage[k], work.runRow[k], work.runX[k], work.runLength[k], y, accumulate);
            }
        }
    }

    /**
     * Filters whose products share one pass over V: with a filter group per pass (8 filters), wide
     * layers (512 channels, a 1 MiB V per block) streamed V from L3 once per group. 64 filters keep
     * their M (128 KiB) in L2 and each V panel in L1 while it serves all of them.
     */
    private static final int FILTER_BLOCK = 64;

    /**
     * Floats between the U[ξ] of consecutive ξ: a cache line more than they need, because at powers
     * of two (64 x 64 floats is 16 KiB) all 16 would fall in the same L1 set and evict each other
     * while the transform writes them and the products read them. V is skewed the same way.
     */
    private static int uStep(int fp, int c) {
        return fp * c + SKEW;
    }

    private static final int SKEW = 16;

    /** Splits tiles [t0, t1) into runs of adjacent tiles within one tile row. */
    private static void runs(Work work, Window2d g, int t0, int t1, int nr) {
        if (work.runImage.length < nr) {
            work.runImage = new int[nr];
            work.runRow = new int[nr];
            work.runX = new int[nr];
            work.runLength = new int[nr];
            work.runStart = new int[nr];
        }
        int tilesW = (g.oW() + 1) / 2, perImage = tilesW * ((g.oH() + 1) / 2), k = 0;
        for (int t = t0; t < t1; k++) {
            int n = t / perImage, r = t - n * perImage, ty = r / tilesW, tx = r - ty * tilesW;
            int len = Math.min(t1 - t, tilesW - tx);
            work.runImage[k] = n;
            work.runRow[k] = ty;
            work.runX[k] = tx;
            work.runLength[k] = len;
            work.runStart[k] = t - t0;
            t += len;
        }
        work.runs = k;
    }

    /** Writes (or adds) the 2x2 outputs of tiles tx0 .. tx0+len of tile row ty, filter o, image n. */
    private static void scatter(float[] out, int stride, Window2d g, int f, int o, int n, int ty, int tx0, int len,
                                float[] y, boolean accumulate) {
        int oH = g.oH(), oW = g.oW(), oy = 2 * ty, top = (n * f + o) * oH * oW + oy * oW + 2 * tx0;
        boolean below = oy + 1 < oH;
        // Whole tiles without a branch per value; an odd width leaves a last tile of one column.
        int whole = 2 * (tx0 + len) <= oW ? len : len - 1;
        int s2 = 2 * stride;
        Interleave zip = Kernels.interleave();
        zip.zip(out, 0, out, stride, whole, y, top, accumulate);
        if (below) zip.zip(out, s2, out, s2 + stride, whole, y, top + oW, accumulate);
        if (whole < len) {
            int at = top + 2 * whole;
            store(y, at, out[whole], accumulate);
            if (below) store(y, at + oW, out[s2 + whole], accumulate);
        }
    }

    private static void store(float[] y, int at, float value, boolean accumulate) {
        y[at] = accumulate ? y[at] + value : value;
    }

    /** {@code a}, or a larger array: with a vector of slack, so the last masked vectors stay inside it (a masked access past the end takes a slow path). */
    private static float[] grow(float[] a, int size) {
        return a.length >= size + SLACK ? a : new float[size + SLACK];
    }

    private static final int SLACK = 64;
}
