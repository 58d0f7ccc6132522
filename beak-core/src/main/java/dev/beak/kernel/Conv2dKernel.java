package dev.beak.kernel;

import dev.beak.ops.Window2d;

import java.util.function.IntConsumer;

/**
 * Convolution as per-image GEMMs over bands of output rows (implicit GEMM in slices), writing NCHW
 * directly. For image n and a band of output rows [oy0, oy1), with B = (oy1 - oy0) * oW columns:
 * <pre>
 *   cols(K, B) = unfold(x[n], band)                     K = C*kH*kW
 *   y[n](F, P)[:, band]  = W(F, K) * cols                (ldc = P = oH*oW: no permute copy)
 *   dWᵀ(K, F)           += cols * dY[n](F, P)[:, band]ᵀ     (or dW(F, K) += dY * colsᵀ: see
 *                                                          {@link #transposedWeightGradient})
 *   dcols(K, B)          = Wᵀ * dY[n][:, band];   dx[n] += fold(dcols, band)
 * </pre>
 * Why bands: a whole batch's columns (K x N*P) run to tens of megabytes (40 MB for the second W1
 * convolution), which costs more in memory traffic and allocation than it saves; a band of at most
 * {@link #BAND_FLOATS} floats stays in L2 between unfolding and packing. Columns are recomputed in the
 * backward pass rather than kept.
 *
 * <p>Threads: with at least as many images as threads each image runs whole on one thread (serial
 * GEMMs, per-thread column buffers, weight gradients summed per chunk then reduced); with fewer
 * images (VGG16 at batch 1) the images run in turn and each GEMM is split over the threads.
 */
public final class Conv2dKernel {
    /** Target size of one band of columns (1 MiB), in floats. */
    static final int BAND_FLOATS = 1 << 18;
    /** Narrowest band, in output pixels (columns of the GEMMs). */
    static final int MIN_BAND_COLUMNS = 512;
    /** Columns a group of small images aims at ({@code -Dbeak.conv.groupColumns}, 0 for one image per GEMM). */
    static final int GROUP_COLUMNS = Integer.getInteger("beak.conv.groupColumns", 512);

    /** Per-thread column buffers, grown on demand and reused across calls. */
    private static final class Work {
        float[] cols = new float[0], dcols = new float[0], dy = new float[0], split = new float[0];
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);
    /** Per-chunk partial weight/bias gradients of the calling thread's backward passes (first {@code chunks} used), reused across calls. */
    private static final ThreadLocal<float[][][]> PARTIALS = ThreadLocal.withInitial(() -> new float[][][] {new float[0][]});

    private Conv2dKernel() {}

    /**
     * Whether the weight gradient is computed transposed, {@code dWᵀ(K, F) += cols(K, B) * dY(F, B)ᵀ},
     * rather than as {@code dW(F, K) += dY(F, B) * colsᵀ(B, K)}. The transposed form unfolds with
     * whole-row copies and packs cols as the A operand; the other gathers a K-long window per pixel
     * ({@link #unfoldBandTransposed}), which costs more than the product on wide maps. Measured on
     * 2 Zen 5 cores (ConvBenchMain): the transposed form took 10-45 % off ResNet-18's and VGG16's
     * layers down to 14 x 14 and 40 % off W1's and W2's first layers, but lost up to 25 % on maps
     * under 8 x 8 and on 512-filter layers under 28 x 28, which keep the direct form.
     */
    static boolean transposedWeightGradient(Window2d g, int f) {
        int p = g.oH() * g.oW();
        return p >= 64 && (f <= 256 || p >= 28 * 28);
    }

    /** Rows of output per band for {@code g} with K = C*kH*kW. */
    static int bandRows(Window2d g, int bandFloats) {
        int k = g.c() * g.kH() * g.kW();
        // At least MIN_BAND_COLUMNS columns: deep layers (K = 4608 in VGG16) would otherwise get GEMMs
        // a few dozen columns wide, too narrow to split or to amortise packing W.
        int rows = Math.max(bandFloats / Math.max(1, k * g.oW()), (MIN_BAND_COLUMNS + g.oW() - 1) / g.oW());
        return Math.max(1, Math.min(g.oH(), rows));
    }

    /**
     * Images per group: 1 when an image has enough output pixels for a GEMM of its own, else enough
     * images for MIN_BAND_COLUMNS columns (W2's last convolution has 16 pixels an image), but no more
     * than leaves a group per thread.
     */
    static int groupSize(Window2d g) {
        int p = g.oH() * g.oW();
        if (2 * p >= GROUP_COLUMNS) return 1;
        int perThread = Math.max(1, (g.n() + Parallel.threads() - 1) / Parallel.threads());
        return Math.max(1, Math.min(perThread, (GROUP_COLUMNS + p - 1) / p));
    }

    /** y := conv(x, w) + bias.  x (N,C,H,W); w (F, C*kH*kW); bias (F) or null; y (N,F,oH,oW). */
    public static void forward(float[] x, float[] w, float[] bias, Window2d g, int f, float[] y) {
        forward(x, w, null, Epilogue.of(bias, false), g, f, y, bandRows(g, BAND_FLOATS), groupSize(g));
    }

    /**
     * The same with the filters (F, K) packed once by {@link Kernels#gemm()} (an inference plan's frozen
     * filters), and {@code finish} (the bias, and perhaps an addend laid out as y and a ReLU) applied as
     * each tile of y is finished.
     */
    public static void forward(float[] x, PackedA w, Window2d g, float[] y, Epilogue finish) {
        // Small images grouped into one product write a scratch layout that an addend would not match.
        int group = finish.addend() == null ? groupSize(g) : 1;
        forward(x, null, w, finish, g, w.rows(), y, bandRows(g, BAND_FLOATS), group);
    }

    /**
     * Whether a convolution with filters packed as Wᵀ ({@link #forwardTransposed}) should run transposed:
     * maps of at most 64 pixels (7 x 7, 8 x 8) but more than a thin product's 8. The product
     * {@code Y(F, 49) = W * cols} would compute 64 columns for 49, one whole tile of them for 17; its
     * transpose {@code Yᵀ(49, F) = colsᵀ * Wᵀ} computes 52 rows and whole tiles of filters, and shares
     * both packed operands between the threads instead of packing the columns again in every task.
     */
    public static boolean transposedPays(Window2d g, int f) {
        int p = g.oH() * g.oW();
        return p > 8 && p <= 64 && f >= 32;
    }

    /**
     * y := finish(conv(x, w)) computed transposed, image by image: {@code Yᵀ(P, F) = cols(K, P)ᵀ * Wᵀ(K, F)}
     * with Wᵀ packed once ({@code wT} from {@link Gemm#packB} of the filters (F, K) transposed), then
     * written into NCHW with the bias, addend and ReLU. Every value is summed in the order the upright
     * product sums it, so the results are {@link #forward}'s bit for bit.
     */
    public static void forwardTransposed(float[] x, PackedB wT, Window2d g, float[] y, Epilogue finish) {
        Gemm gemm = Kernels.gemm();
        int f = wT.columns(), k = g.c() * g.kH() * g.kW(), p = g.oH() * g.oW();
        if (wT.depth() != k) throw new IllegalArgumentException("filters of depth " + wT.depth() + " for windows of " + k);
        Work work = WORK.get();
        for (int n = 0; n < g.n(); n++) {
            float[] cols = x;
            int colsOff = n * g.c() * p;
            if (!pointwise(g)) {
                float[] unfolded = cols = work.cols = grow(work.cols, k * p);
                colsOff = 0;
                int image = n;
                Parallel.forRange(g.c(), (c0, c1) -> unfoldBand(x, g, image, 0, g.oH(), unfolded, 0, p, c0, c1));
            }
            PackedA colsT = gemm.pack(true, p, k, cols, colsOff, p);
            float[] yT = work.dcols = grow(work.dcols, p * f);
            gemm.gemm(colsT, wT, yT, 0, f, false);
            int yOff = n * f * p;
            Parallel.forRange((f + 15) / 16, (b0, b1) -> {
                int o0 = b0 * 16, o1 = Math.min(f, b1 * 16);
                finish.applyTransposed(yT, f, o0, o1, p, y, yOff);
            });
        }
    }

    /** Either {@code w} or {@code packed} gives the filters (F, K = C*kH*kW); {@code finish} carries the bias. */
    static void forward(float[] x, float[] w, PackedA packed, Epilogue finish, Window2d g, int f, float[] y, int rows, int group) {
        Gemm gemm = Kernels.gemm();
        Filters filters = new Filters(gemm, w, packed, f, g.c() * g.kH() * g.kW(), finish);
        if (pointwise(g)) {
            if (g.n() >= Parallel.threads()) Parallel.forRange(g.n(), (from, to) -> pointwise(filters, x, g, f, y, from, to));
            else pointwise(filters, x, g, f, y, 0, g.n());
            return;
        }
        int groups = (g.n() + group - 1) / group;
        if (groups >= Parallel.threads()) {
            Parallel.forRange(groups, (from, to) -> {
                for (int q = from; q < to; q++) forwardGroup(filters, x, g, f, y, q * group, group, rows, false);
            });
        } else {
            for (int q = 0; q < groups; q++) forwardGroup(filters, x, g, f, y, q * group, group, rows, true);
        }
    }

    /** The forward pass's left operand, filters (F, K) as stored or packed once, and what finishes each output value. */
    private record Filters(Gemm gemm, float[] w, PackedA packed, int f, int k, Epilogue finish) {
        /** C(F, n) := finish(W * B(K, n)). */
        void times(int n, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
            if (packed != null) {
                gemm.gemm(packed, false, n, b, bOff, ldb, c, cOff, ldc, false, finish);
            } else {
                gemm.gemm(false, false, f, n, k, w, 0, k, b, bOff, ldb, c, cOff, ldc, false);
                if (!finish.none()) finish.apply(c, cOff, ldc, 0, f, n);
            }
        }
    }

    /** A 1x1 window at stride 1 without padding: the input image is already the column matrix. */
    static boolean pointwise(Window2d g) {
        return g.kH() == 1 && g.kW() == 1 && g.strideH() == 1 && g.strideW() == 1
                && g.padTop() == 0 && g.padBottom() == 0 && g.padLeft() == 0 && g.padRight() == 0;
    }

    /**
     * Images [n0, n1) of a pointwise convolution: {@code Y[n](F, P) = W(F, C) * x[n](C, P)} read in place
     * (no unfolding); the GEMM splits over the threads when the images do not.
     */
    private static void pointwise(Filters w, float[] x, Window2d g, int f, float[] y, int n0, int n1) {
        int c = g.c(), p = g.h() * g.w();
        for (int n = n0; n < n1; n++) w.times(p, x, n * c * p, p, y, n * f * p, p);
    }

    /** Images [n0, n0 + group): one GEMM per band of a single image, or one GEMM for the whole group. */
    private static void forwardGroup(Filters w, float[] x, Window2d g, int f,
                                     float[] y, int n0, int group, int rows, boolean split) {
        int k = g.c() * g.kH() * g.kW(), oW = g.oW(), p = g.oH() * oW, count = Math.min(group, g.n() - n0);
        Work work = WORK.get();
        if (group == 1) {
            for (int oy0 = 0; oy0 < g.oH(); oy0 += rows) {
                int oy1 = Math.min(g.oH(), oy0 + rows), b = (oy1 - oy0) * oW;
                float[] cols = work.cols = grow(work.cols, k * b);
                if (split) {
                    // One image at a time (VGG16 at batch 1): unfold over the threads too, not just the GEMM.
                    int band0 = oy0, band1 = oy1;
                    Parallel.forRange(g.c(), (c0, c1) -> unfoldBand(x, g, n0, band0, band1, cols, 0, b, c0, c1));
                } else {
                    unfoldBand(x, g, n0, oy0, oy1, cols, 0, b);
                }
                w.times(b, cols, 0, b, y, n0 * f * p + oy0 * oW, p);
            }
        } else {
            // cols(K, count*P) for the group; Y(F, count*P) into scratch, then copied image by image.
            int b = count * p;
            float[] cols = work.cols = grow(work.cols, k * b), out = work.dcols = grow(work.dcols, f * b);
            for (int j = 0; j < count; j++) unfoldBand(x, g, n0 + j, 0, g.oH(), cols, j * p, b);
            w.times(b, cols, 0, b, out, 0, b);
            for (int j = 0; j < count; j++) {
                for (int c = 0; c < f; c++) System.arraycopy(out, c * b + j * p, y, ((n0 + j) * f + c) * p, p);
            }
        }
    }

    /**
     * Gradients from dy (N,F,oH,oW): dw (F, K) += ..., db (F) += row sums, dx (N,C,H,W) += ...; any of
     * the three may be null (not wanted).
     */
    public static void backward(float[] x, float[] w, float[] dy, Window2d g, int f,
                                float[] dw, float[] db, float[] dx) {
        backward(x, w, dy, g, f, dw, db, dx, bandRows(g, BAND_FLOATS), groupSize(g), transposedWeightGradient(g, f));
    }

    static void backward(float[] x, float[] w, float[] dy, Window2d g, int f,
                         float[] dw, float[] db, float[] dx, int rows, int group, boolean transposed) {
        Gemm gemm = Kernels.gemm();
        int k = g.c() * g.kH() * g.kW(), threads = Parallel.threads(), groups = (g.n() + group - 1) / group;
        // Chunks of groups, each summing its weight and bias gradients into its own partial; with
        // fewer groups than threads one chunk runs them in turn and each GEMM is parallel.
        boolean parallel = groups >= threads && threads > 1;
        int size = (dw == null ? 0 : f * k) + (db == null ? 0 : f), dbOff = dw == null ? 0 : f * k;
        int chunks = parallel ? Math.min(groups, 2 * threads) : 1;
        float[][] part = partials(chunks, size);
        IntConsumer chunk = t -> {
            int from = (int) ((long) groups * t / chunks), to = (int) ((long) groups * (t + 1) / chunks);
            float[] acc = part[t];
            java.util.Arrays.fill(acc, 0, size, 0f);
            float[] pw = dw == null ? null : acc, pb = db == null ? null : acc;
            for (int q = from; q < to; q++) backwardGroup(gemm, x, w, dy, g, f, pw, pb, dbOff, dx, q * group, group, rows, transposed);
        };
        if (parallel) Parallel.forEach(chunks, chunk);
        else chunk.accept(0);
        // Reduce the partials into dW.
        if (dw != null && transposed) {
            // Sum the chunks' dWᵀ into the first, then add its transpose to dW in 32 x 32 blocks.
            int fk = f * k;
            Parallel.forRange(fk, (from, to) -> {
                float[] acc = part[0];
                for (int t = 1; t < chunks; t++) {
                    float[] other = part[t];
                    for (int i = from; i < to; i++) acc[i] += other[i];
                }
            });
            float[] acc = part[0];
            Parallel.forRange((k + 31) / 32, (from, to) -> {
                for (int i0 = from * 32; i0 < Math.min(k, to * 32); i0 += 32) {
                    int i1 = Math.min(k, i0 + 32);
                    for (int o0 = 0; o0 < f; o0 += 32) {
                        int o1 = Math.min(f, o0 + 32);
                        for (int o = o0; o < o1; o++) {
                            for (int i = i0; i < i1; i++) dw[o * k + i] += acc[i * f + o];
                        }
                    }
                }
            });
        } else if (dw != null) {
            Parallel.forRange(f * k, (from, to) -> {
                for (int t = 0; t < chunks; t++) {
                    float[] acc = part[t];
                    for (int i = from; i < to; i++) dw[i] += acc[i];
                }
            });
        }
        if (db != null) {
            for (int t = 0; t < chunks; t++) for (int c = 0; c < f; c++) db[c] += part[t][dbOff + c];
        }
    }

    /** A group's contributions; db is read at offset {@code dbOff} (partials pack dw and db together). */
    private static void backwardGroup(Gemm gemm, float[] x, float[] w, float[] dy, Window2d g, int f,
                                      float[] dw, float[] db, int dbOff, float[] dx, int n0, int group, int rows,
                                      boolean transposed) {
        int k = g.c() * g.kH() * g.kW(), oW = g.oW(), p = g.oH() * oW, count = Math.min(group, g.n() - n0);
        Work work = WORK.get();
        if (db != null) {
            ElementwiseKernel sums = Kernels.elementwise();
            for (int c = 0; c < count * f; c++) {
                int i = (n0 * f + c) * p;
                db[dbOff + c % f] += (float) sums.sum(dy, i, i + p);
            }
        }
        if (dw == null && dx == null) return;
        // A single image is banded and read in place (ld = P); a group's dY is first gathered to (F, count*P).
        int bandRows = group == 1 ? rows : g.oH();
        for (int oy0 = 0; oy0 < g.oH(); oy0 += bandRows) {
            int oy1 = Math.min(g.oH(), oy0 + bandRows), b = count * (oy1 - oy0) * oW;
            float[] dyG = dy;
            int dyOff = n0 * f * p + oy0 * oW, ld = p;
            if (group > 1) {
                dyG = work.dy = grow(work.dy, f * b);
                for (int j = 0; j < count; j++) {
                    for (int c = 0; c < f; c++) System.arraycopy(dy, ((n0 + j) * f + c) * p, dyG, c * b + j * p, p);
                }
                dyOff = 0;
                ld = b;
            }
            if (dw != null && transposed) {
                float[] cols = work.cols = grow(work.cols, k * b);
                for (int j = 0; j < count; j++) unfoldBand(x, g, n0 + j, oy0, oy1, cols, j * (oy1 - oy0) * oW, b);
                // dWᵀ(K, F) += cols(K, B) * dY(F, B)ᵀ
                gemm.gemm(false, true, k, f, b, cols, 0, b, dyG, dyOff, ld, dw, 0, f, true);
            } else if (dw != null) {
                float[] colsT = work.cols = grow(work.cols, k * b);
                for (int j = 0; j < count; j++) unfoldBandTransposed(x, g, n0 + j, oy0, oy1, colsT, j * p * k);
                // dW(F, K) += dY(F, B) * colsᵀ(B, K): colsᵀ is B stored (k, n), which packs by whole-vector copies.
                gemm.gemm(false, false, f, k, b, dyG, dyOff, ld, colsT, 0, k, dw, 0, k, true);
            }
            if (dx != null) {
                float[] dcols = work.dcols = grow(work.dcols, k * b);
                // dcols(K, B) = W(F, K)ᵀ * dY(F, B)
                gemm.gemm(true, false, k, b, f, w, 0, k, dyG, dyOff, ld, dcols, 0, b, false);
                for (int j = 0; j < count; j++) foldBand(dcols, g, n0 + j, oy0, oy1, dx, j * p, b);
            }
        }
    }

    private static float[][] partials(int chunks, int size) {
        float[][][] holder = PARTIALS.get();
        float[][] p = holder[0];
        // Grown, never shrunk: layers of one network alternate between chunk counts and sizes.
        if (p.length < chunks || p[0].length < size) {
            p = new float[Math.max(chunks, p.length)][Math.max(size, p.length == 0 ? 0 : p[0].length)];
            holder[0] = p;
        }
        return p;
    }

    private static float[] grow(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }

    /**
     * cols(K, B) := the columns of output rows [oy0, oy1) of image n: row {@code (c*kH + i)*kW + j},
     * column {@code (oy - oy0)*oW + ox} holds input pixel (oy*sH - padTop + i*dH, ox*sW - padLeft + j*dW)
     * of channel c, zero in the padding.
     */
    static void unfoldBand(float[] x, Window2d g, int n, int oy0, int oy1, float[] cols, int colOff, int ld) {
        unfoldBand(x, g, n, oy0, oy1, cols, colOff, ld, 0, g.c());
    }

    /** {@link #unfoldBand} for channels [c0, c1) only (their rows of cols). */
    static void unfoldBand(float[] x, Window2d g, int n, int oy0, int oy1, float[] cols, int colOff, int ld,
                           int c0, int c1) {
        int oW = g.oW(), H = g.h(), W = g.w(), sW = g.strideW(), half = (W + 1) / 2;
        // Stride 2 and windows at least 3 wide: the band's input rows of a channel are first split
        // into even and odd columns (E = x[2k], O = x[2k + 1]), so every window column reads a
        // contiguous run (ResNet's 7 x 7 stem reads each input about 12 times; its forward pass and
        // weight gradient took 20 % less). A 1 x 1 window reads each input once at most: no split.
        int iyLo = Math.max(0, oy0 * g.strideH() - g.padTop());
        int iyHi = Math.min(H, (oy1 - 1) * g.strideH() - g.padTop() + (g.kH() - 1) * g.dilationH() + 1);
        float[] split = null;
        if (sW == 2 && g.kW() >= 3 && iyHi > iyLo) {
            Work work = WORK.get();
            split = work.split = grow(work.split, (iyHi - iyLo) * W);
        }
        for (int c = c0; c < c1; c++) {
            int xBase = (n * g.c() + c) * H * W;
            if (split != null) splitColumns(x, xBase, W, iyLo, iyHi, split);
            for (int i = 0; i < g.kH(); i++) {
                for (int j = 0; j < g.kW(); j++) {
                    int dst = ((c * g.kH() + i) * g.kW() + j) * ld + colOff;
                    int xOff = j * g.dilationW() - g.padLeft();
                    // Output columns ox whose input ix = ox*sW + xOff lies inside [0, W): [lo, hi).
                    int lo = Math.max(0, ceilDiv(-xOff, sW)), hi = Math.min(oW, ceilDiv(W - xOff, sW));
                    for (int oy = oy0; oy < oy1; oy++, dst += oW) {
                        int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                        if (iy < 0 || iy >= H || lo >= hi) {
                            java.util.Arrays.fill(cols, dst, dst + oW, 0f);
                            continue;
                        }
                        for (int ox = 0; ox < lo; ox++) cols[dst + ox] = 0f;
                        for (int ox = hi; ox < oW; ox++) cols[dst + ox] = 0f;
                        int src = xBase + iy * W + xOff;
                        if (sW == 1) {
                            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
                        } else if (split != null) {
                            // ix = 2 ox + xOff: E[ox + xOff / 2] for even xOff, O[ox + (xOff - 1) / 2] for odd.
                            int at = (iy - iyLo) * W + (xOff & 1) * half + (xOff >> 1);
                            System.arraycopy(split, at + lo, cols, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) cols[dst + ox] = x[src + ox * sW];
                        }
                    }
                }
            }
        }
    }

    /** Rows [iyLo, iyHi) of the plane at x[base] (W wide) to {@code split}, each as E = x[2k] then O = x[2k + 1]. */
    private static void splitColumns(float[] x, int base, int w, int iyLo, int iyHi, float[] split) {
        int half = (w + 1) / 2;
        Interleave interleave = Kernels.interleave();
        for (int iy = iyLo, at = 0; iy < iyHi; iy++, at += w) {
            int src = base + iy * w;
            interleave.split(x, src, w / 2, split, at, at + half);
            if (w % 2 == 1) split[at + half - 1] = x[src + w - 1];
        }
    }

    /**
     * colsᵀ(B, K) := the transpose of {@link #unfoldBand}'s columns: row {@code (oy - oy0)*oW + ox} holds
     * the K window values of that output pixel. Unfolding straight into this layout lets the weight
     * gradient GEMM read it as a plain (k, n) operand instead of packing cols with a strided scatter.
     */
    static void unfoldBandTransposed(float[] x, Window2d g, int n, int oy0, int oy1, float[] colsT, int off) {
        int oW = g.oW(), H = g.h(), W = g.w(), kH = g.kH(), kW = g.kW(), k = g.c() * kH * kW;
        for (int oy = oy0, q = 0; oy < oy1; oy++) {
            for (int ox = 0; ox < oW; ox++, q++) {
                int ix0 = ox * g.strideW() - g.padLeft(), iyTop = oy * g.strideH() - g.padTop();
                // Window columns j whose input ix0 + j*dW lies inside [0, W): [jLo, jHi).
                int jLo = Math.max(0, ceilDiv(-ix0, g.dilationW())), jHi = Math.min(kW, ceilDiv(W - ix0, g.dilationW()));
                for (int c = 0, d = off + q * k; c < g.c(); c++) {
                    int xBase = (n * g.c() + c) * H * W;
                    for (int i = 0; i < kH; i++, d += kW) {
                        int iy = iyTop + i * g.dilationH();
                        if (iy < 0 || iy >= H || jLo >= jHi) {
                            for (int j = 0; j < kW; j++) colsT[d + j] = 0f;
                            continue;
                        }
                        for (int j = 0; j < jLo; j++) colsT[d + j] = 0f;
                        for (int j = jHi; j < kW; j++) colsT[d + j] = 0f;
                        int src = xBase + iy * W + ix0;
                        if (kW == 3 && jLo == 0 && jHi == 3 && g.dilationW() == 1) {
                            // The common interior 3-wide run, written out.
                            colsT[d] = x[src];
                            colsT[d + 1] = x[src + 1];
                            colsT[d + 2] = x[src + 2];
                            continue;
                        }
                        if (g.dilationW() == 1) System.arraycopy(x, src + jLo, colsT, d + jLo, jHi - jLo);
                        else for (int j = jLo; j < jHi; j++) colsT[d + j] = x[src + j * g.dilationW()];
                    }
                }
            }
        }
    }

    /** dx[n] += fold(dcols) over output rows [oy0, oy1): the adjoint of {@link #unfoldBand}. */
    static void foldBand(float[] dcols, Window2d g, int n, int oy0, int oy1, float[] dx, int colOff, int ld) {
        int oW = g.oW(), H = g.h(), W = g.w(), sW = g.strideW();
        for (int c = 0; c < g.c(); c++) {
            int xBase = (n * g.c() + c) * H * W;
            for (int i = 0; i < g.kH(); i++) {
                for (int j = 0; j < g.kW(); j++) {
                    int src = ((c * g.kH() + i) * g.kW() + j) * ld + colOff;
                    int xOff = j * g.dilationW() - g.padLeft();
                    int lo = Math.max(0, ceilDiv(-xOff, sW)), hi = Math.min(oW, ceilDiv(W - xOff, sW));
                    for (int oy = oy0; oy < oy1; oy++, src += oW) {
                        int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                        if (iy < 0 || iy >= H) continue;
                        int dst = xBase + iy * W + xOff;
                        if (sW == 1) {
                            for (int ox = lo; ox < hi; ox++) dx[dst + ox] += dcols[src + ox];
                        } else {
                            for (int ox = lo; ox < hi; ox++) dx[dst + ox * sW] += dcols[src + ox];
                        }
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
