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
 * place as A, {@code nr} floats a step.
 *
 * <p>Two schedules. Layers with many tiles for their channels (ResNet-18's 56 x 56 and 28 x 28 maps
 * at batch 8) give each thread a share of the tile rows, transformed and multiplied in chunks that
 * stay in L2, summed into the thread's own dU; the dU are added as they are folded into dw. The
 * others (few tiles, wide layers, whose dU per thread would be megabytes) share passes of tiles whose
 * V and dM stay within {@value #PASS_FLOATS} floats, half the L3 cache of the machines measured,
 * with the products split by ξ and channel panel, so each task owns its part of dU and reads its B
 * panel from L1 for every filter. Measured on 2 Zen 5 cores (ResNet-18's layers at batch 8), the
 * weight gradient took 35-50 % less time than im2col's on 64-256 channels and 30 % less on 512.
 */
public final class WinogradWeights {
    /** Tiles per tile-kernel call (the depth): a B panel of KC x nr floats stays in L1. */
    private static final int KC = 128;
    /** Most floats of V and dM one pass holds (16 MiB). */
    private static final int PASS_FLOATS = 1 << 22;
    /** Floats between consecutive ξ in V and dM, so the 16 do not fall in the same L1 sets. */
    private static final int SKEW = 16;
    private static final int MIN_CHANNELS = 32;
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
     * Vector API is on, and there are at least 32 channels and filters. Measured (ConvBenchMain W2):
     * 32 channels to 64 filters on 15 x 15 maps took 1.2 ms against im2col's 2.1; 3 channels took
     * three times im2col's time. {@code -Dbeak.winograd=false} turns it off with the rest of Winograd.
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
                         int rows, Boolean splitByThreads) {
        if (!Winograd.applies(g)) throw new IllegalArgumentException("Winograd weight gradient needs a 3x3 stride-1 window, got " + g);
        Layer l = new Layer(g, f, tk, tf);
        int parts = Math.min(Parallel.threads(), l.tileRows());
        // Split by threads when V and dM of all tiles, 16 T (C + F) floats, would be several times the
        // parts' own dU, 16 C F floats each: 64-128 channels at 28 x 28 and up, batch 8.
        boolean split = splitByThreads != null ? splitByThreads
                : (long) l.tileRows() * l.tilesW() >= 4L * parts * l.fp() * l.cp() / (l.fp() + l.cp());
        int rowFloats = 16 * l.tilesW() * (l.cp() + l.fp());
        int chunk = Math.max(1, Math.min(l.tileRows(), rows > 0 ? rows : (split ? CHUNK_FLOATS : PASS_FLOATS) / rowFloats));
        if (split) byThreads(l, x, dy, dw, parts, chunk);
        else sharedPasses(l, x, dy, dw, chunk);
    }

    /** The layer's shape as the kernels see it: channels and filters padded to whole panels (cp, fp). */
    private record Layer(Window2d g, int f, TileKernel tk, WinogradTransforms tf, int nr, int cp, int fp, int tilesW, int tileRows) {
        Layer(Window2d g, int f, TileKernel tk, WinogradTransforms tf) {
            this(g, f, tk, tf, tk.nr(), roundUp(g.c(), tk.nr()), roundUp(f, tk.nr()), (g.oW() + 1) / 2,
                    g.n() * ((g.oH() + 1) / 2));
        }
    }

    /**
     * Each of {@code parts} tasks takes a share of the tile rows and sums, chunk by chunk, into its
     * own dU; the parts' dU are added as they are folded into dw.
     */
    private static void byThreads(Layer l, float[] x, float[] dy, float[] dw, int parts, int chunk) {
        int fc = l.fp() * l.cp(), tilesW = l.tilesW();
        Work caller = WORK.get();
        if (caller.parts.length < parts) caller.parts = java.util.Arrays.copyOf(caller.parts, parts);
        for (int t = 0; t < parts; t++) caller.parts[t] = grow(caller.parts[t] == null ? new float[0] : caller.parts[t], 16 * fc);
        float[][] du = java.util.Arrays.copyOf(caller.parts, parts);
        Parallel.forEach(parts, t -> {
            int r0 = (int) ((long) l.tileRows() * t / parts), r1 = (int) ((long) l.tileRows() * (t + 1) / parts);
            Buffers b = buffers(WORK.get(), chunk * tilesW, l.cp(), l.fp());
            for (int r = r0; r < r1; r += chunk) {
                int count = Math.min(chunk, r1 - r), tp = count * tilesW;
                for (int q = 0; q < count; q++) transformRow(l, x, dy, r + q, r + q > r0, q * tilesW, tp, b);
                for (int panel = 0; panel < l.cp() / l.nr(); panel++) products(l, b, 0, 16, panel, tp, du[t], r == r0);
            }
        });
        Parallel.forRange(l.f(), (from, to) -> filterGradients(du, fc, from, to, l.cp(), 0, l.g().c(), l.g().c(), dw));
    }

    /**
     * Passes of tile rows shared by all threads: the transforms split by tile row, then the products
     * by ξ and channel panel, each task running all filters against one V panel held in L1. The
     * folding into dw follows the last pass. (Tasks of a channel panel and a block of filters over
     * every ξ, folding their dU while in cache, measured 10-35 % slower on 256 and 512 channels.)
     */
    private static void sharedPasses(Layer l, float[] x, float[] dy, float[] dw, int chunk) {
        int fc = l.fp() * l.cp(), tilesW = l.tilesW(), panels = l.cp() / l.nr();
        Work caller = WORK.get();
        float[] acc = caller.du = grow(caller.du, 16 * fc);
        Buffers b = buffers(caller, chunk * tilesW, l.cp(), l.fp());
        for (int r0 = 0; r0 < l.tileRows(); r0 += chunk) {
            int first = r0, count = Math.min(chunk, l.tileRows() - r0), tp = count * tilesW;
            Parallel.forRange(count, (from, to) -> {
                for (int q = from; q < to; q++) transformRow(l, x, dy, first + q, q > from, q * tilesW, tp, b);
            });
            boolean overwrite = r0 == 0;
            Parallel.forEach(16 * panels, task -> products(l, b, task / panels, task / panels + 1, task % panels, tp, acc, overwrite));
        }
        float[][] du = {acc};
        Parallel.forRange(l.f(), (from, to) -> filterGradients(du, fc, from, to, l.cp(), 0, l.g().c(), l.g().c(), dw));
    }

    /**
     * Most floats of V and dM in one chunk of a thread's tiles (1 MiB, a core's L2), when the threads
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
     * dU[ξ] (+)= dM[ξ] * V[ξ]ᵀ for ξ in [xi0, xi1), every filter and one panel of nr channels, over
     * {@code tp} tiles, KC tiles a call: A is dM read in place ({@code nr} floats a step), B the V panel.
     */
    private static void products(Layer l, Buffers b, int xi0, int xi1, int panel, int tp, float[] du, boolean overwrite) {
        int mr = l.tk().mr(), nr = l.nr(), cp = l.cp(), fp = l.fp(), fc = fp * cp;
        for (int xi = xi0; xi < xi1; xi++) {
            int vAt = xi * b.vStep() + panel * tp * nr, dmAt = xi * b.dmStep(), duAt = xi * fc + panel * nr;
            for (int p0 = 0; p0 < tp; p0 += KC) {
                int kc = Math.min(KC, tp - p0);
                for (int o = 0; o < fp; o += mr) {
                    l.tk().tile(kc, b.dm(), dmAt + (o / nr * tp + p0) * nr + o % nr, nr, b.v(), vAt + p0 * nr,
                            du, duAt + o * cp, cp, overwrite && p0 == 0);
                }
            }
        }
    }

    /**
     * V and dM of tile row {@code row} (numbered over the batch), its first tile being tile
     * {@code p0} of the pass: the row's 4 input rows and 2 output-gradient rows are gathered
     * channels-last (channels padded to cp and fp with zeros), then transformed tile by tile.
     * When the thread's previous row was the tile row above ({@code follows}), the two input rows
     * they share are moved down in the slab instead of gathered again.
     */
    private static void transformRow(Layer l, float[] x, float[] dy, int row, boolean follows, int p0, int tp, Buffers b) {
        Window2d g = l.g();
        WinogradTransforms tf = l.tf();
        int f = l.f(), cp = l.cp(), fp = l.fp(), nr = l.nr(), tilesH = (g.oH() + 1) / 2, tilesW = (g.oW() + 1) / 2, n = row / tilesH, ty = row % tilesH;
        int q = 2 * tilesW + 2, ow = 2 * tilesW, rowFloats = q * cp;
        float[][] slabs = SLABS.get();
        float[] xs = slabs[0] = grow(slabs[0], 4 * rowFloats), ys = slabs[1] = grow(slabs[1], 2 * ow * fp);
        boolean shift = follows && ty > 0;
        if (shift) System.arraycopy(xs, 2 * rowFloats, xs, 0, 2 * rowFloats);
        for (int i = shift ? 2 : 0; i < 4; i++) gatherInput(tf, x, g, n, 2 * ty - g.padTop() + i, q, cp, xs, i * rowFloats);
        for (int u = 0; u < 2; u++) gatherGradient(tf, dy, g, f, n, 2 * ty + u, ow, fp, ys, u * ow * fp);
        for (int tx = 0; tx < tilesW; tx++) {
            int at = (p0 + tx) * nr;
            tf.inputChannels(xs, 2 * tx * cp, rowFloats, cp, cp, b.v(), at, b.vStep(), tp * nr, nr);
            tf.gradientChannels(ys, 2 * tx * fp, ow * fp, fp, fp, b.dm(), at, b.dmStep(), tp * nr, nr);
        }
    }

    /** xs(j, ch) at {@code xs[at + j * cp + ch]} := x(n, ch, iy, j - padLeft) for j < q, ch < cp; zero outside the image and past C. */
    private static void gatherInput(WinogradTransforms tf, float[] x, Window2d g, int n, int iy, int q, int cp, float[] xs, int at) {
        int c = g.c(), h = g.h(), w = g.w(), pad = g.padLeft();
        if (iy < 0 || iy >= h) {
            java.util.Arrays.fill(xs, at, at + q * cp, 0f);
            return;
        }
        int lo = Math.min(q, pad), hi = Math.max(lo, Math.min(q, pad + w));
        java.util.Arrays.fill(xs, at, at + lo * cp, 0f);
        java.util.Arrays.fill(xs, at + hi * cp, at + q * cp, 0f);
        tf.channelsLast(x, (n * c * h + iy) * w - pad + lo, h * w, c, hi - lo, xs, at + lo * cp, cp);
        for (int j = lo; j < hi && c < cp; j++) java.util.Arrays.fill(xs, at + j * cp + c, at + (j + 1) * cp, 0f);
    }

    /** ys(j, o) at {@code ys[at + j * fp + o]} := dy(n, o, oy, j) for j < ow, o < fp; zero past the output and past F. */
    private static void gatherGradient(WinogradTransforms tf, float[] dy, Window2d g, int f, int n, int oy, int ow, int fp,
                                       float[] ys, int at) {
        int oH = g.oH(), oW = g.oW();
        if (oy >= oH) {
            java.util.Arrays.fill(ys, at, at + ow * fp, 0f);
            return;
        }
        tf.channelsLast(dy, (n * f * oH + oy) * oW, oH * oW, f, oW, ys, at, fp);
        java.util.Arrays.fill(ys, at + oW * fp, at + ow * fp, 0f);
        for (int j = 0; j < oW && f < fp; j++) java.util.Arrays.fill(ys, at + j * fp + f, at + (j + 1) * fp, 0f);
    }

    /**
     * dw(o, ch) += Gᵀ dU(o, ch) G for filters [o0, o1) and channels [ch0, ch1) of c, with G = [1 0 0; ½ ½ ½; ½ -½ ½; 0 0 1]:
     * dU is the sum of the parts {@code du}, entry ξ at {@code du[t][ξ * fc + o * cp + ch]}, 4 x 4 folding
     * to 3 x 3. Rows first, {@code s(a, j) = Σi G(i, a) dU(i, j)}; then the same on columns. Locals
     * only, so C2 keeps them in registers.
     */
    private static void filterGradients(float[][] du, int fc, int o0, int o1, int cp, int ch0, int ch1, int c, float[] dw) {
        for (int o = o0; o < o1; o++) {
            for (int ch = ch0; ch < ch1; ch++) {
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
