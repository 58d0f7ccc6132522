package dev.beak.kernel;

import dev.beak.ops.Window2d;

import java.util.function.IntConsumer;

/**
 * Convolution as per-image GEMMs over bands of output rows (implicit GEMM in slices), writing NCHW
 * directly. For image n and a band of output rows [oy0, oy1), with B = (oy1 - oy0) * oW columns:
 * <pre>
 *   cols(K, B) = unfold(x[n], band)                     K = C*kH*kW
 *   y[n](F, P)[:, band]  = W(F, K) * cols                (ldc = P = oH*oW: no permute copy)
 *   dWᵀ(K, F)           += cols * dY[n](F, P)[:, band]ᵀ   (transposed back once, after all images)
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

    /** Per-thread column buffers, grown on demand and reused across calls. */
    private static final class Work {
        float[] cols = new float[0], dcols = new float[0];
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);
    /** Per-chunk partial weight/bias gradients of the calling thread's backward passes, reused across calls. */
    private static final ThreadLocal<float[][][]> PARTIALS = ThreadLocal.withInitial(() -> new float[][][] {new float[0][]});

    private Conv2dKernel() {}

    /** Rows of output per band for {@code g} with K = C*kH*kW. */
    static int bandRows(Window2d g, int bandFloats) {
        int k = g.c() * g.kH() * g.kW();
        // At least MIN_BAND_COLUMNS columns: deep layers (K = 4608 in VGG16) would otherwise get GEMMs
        // a few dozen columns wide, too narrow to split or to amortise packing W.
        int rows = Math.max(bandFloats / Math.max(1, k * g.oW()), (MIN_BAND_COLUMNS + g.oW() - 1) / g.oW());
        return Math.max(1, Math.min(g.oH(), rows));
    }

    /** y := conv(x, w) + bias.  x (N,C,H,W); w (F, C*kH*kW); bias (F) or null; y (N,F,oH,oW). */
    public static void forward(float[] x, float[] w, float[] bias, Window2d g, int f, float[] y) {
        forward(x, w, bias, g, f, y, bandRows(g, BAND_FLOATS));
    }

    static void forward(float[] x, float[] w, float[] bias, Window2d g, int f, float[] y, int rows) {
        Gemm gemm = Kernels.gemm();
        if (g.n() >= Parallel.threads()) {
            Parallel.forRange(g.n(), (from, to) -> {
                for (int n = from; n < to; n++) forwardImage(gemm, x, w, bias, g, f, y, n, rows);
            });
        } else {
            for (int n = 0; n < g.n(); n++) forwardImage(gemm, x, w, bias, g, f, y, n, rows);
        }
    }

    private static void forwardImage(Gemm gemm, float[] x, float[] w, float[] bias, Window2d g, int f,
                                     float[] y, int n, int rows) {
        int k = g.c() * g.kH() * g.kW(), oW = g.oW(), p = g.oH() * oW, yBase = n * f * p;
        Work work = WORK.get();
        for (int oy0 = 0; oy0 < g.oH(); oy0 += rows) {
            int oy1 = Math.min(g.oH(), oy0 + rows), b = (oy1 - oy0) * oW;
            float[] cols = work.cols = grow(work.cols, k * b);
            unfoldBand(x, g, n, oy0, oy1, cols);
            gemm.gemm(false, false, f, b, k, w, 0, k, cols, 0, b, y, yBase + oy0 * oW, p, false);
        }
        if (bias != null) {
            // One pass over the image's output while it is still in cache.
            for (int c = 0; c < f; c++) {
                float bc = bias[c];
                for (int i = yBase + c * p, e = i + p; i < e; i++) y[i] += bc;
            }
        }
    }

    /**
     * Gradients from dy (N,F,oH,oW): dw (F, K) += ..., db (F) += row sums, dx (N,C,H,W) += ...; any of
     * the three may be null (not wanted).
     */
    public static void backward(float[] x, float[] w, float[] dy, Window2d g, int f,
                                float[] dw, float[] db, float[] dx) {
        backward(x, w, dy, g, f, dw, db, dx, bandRows(g, BAND_FLOATS));
    }

    static void backward(float[] x, float[] w, float[] dy, Window2d g, int f,
                         float[] dw, float[] db, float[] dx, int rows) {
        Gemm gemm = Kernels.gemm();
        int k = g.c() * g.kH() * g.kW(), threads = Parallel.threads();
        // Chunks of images, each summing its weight and bias gradients into its own partial; with
        // fewer images than threads one chunk runs the images in turn and each GEMM is parallel.
        boolean perImage = g.n() >= threads && threads > 1;
        int chunks = perImage ? Math.min(g.n(), 2 * threads) : 1;
        int size = (dw == null ? 0 : f * k) + (db == null ? 0 : f), dbOff = dw == null ? 0 : f * k;
        float[][] part = partials(chunks, size);
        IntConsumer chunk = t -> {
            int from = (int) ((long) g.n() * t / chunks), to = (int) ((long) g.n() * (t + 1) / chunks);
            float[] acc = part[t];
            java.util.Arrays.fill(acc, 0, size, 0f);
            float[] pw = dw == null ? null : acc, pb = db == null ? null : acc;
            for (int n = from; n < to; n++) backwardImage(gemm, x, w, dy, g, f, pw, pb, dbOff, dx, n, rows);
        };
        if (perImage) Parallel.forEach(chunks, chunk);
        else chunk.accept(0);
        // Reduce the partials, transposing dWᵀ(K, F) back to dW(F, K).
        if (dw != null) {
            Parallel.forRange(f, (from, to) -> {
                for (float[] acc : part) {
                    for (int c = from; c < to; c++) {
                        for (int kk = 0, d = c * k; kk < k; kk++, d++) dw[d] += acc[kk * f + c];
                    }
                }
            });
        }
        if (db != null) {
            int off = dw == null ? 0 : f * k;
            for (float[] acc : part) for (int c = 0; c < f; c++) db[c] += acc[off + c];
        }
    }

    /** One image's contributions; db is read at offset {@code dbOff} (partials pack dw and db together). */
    private static void backwardImage(Gemm gemm, float[] x, float[] w, float[] dy, Window2d g, int f,
                                      float[] dw, float[] db, int dbOff, float[] dx, int n, int rows) {
        int k = g.c() * g.kH() * g.kW(), oW = g.oW(), p = g.oH() * oW, yBase = n * f * p;
        Work work = WORK.get();
        if (db != null) {
            for (int c = 0; c < f; c++) {
                float s = 0;
                for (int i = yBase + c * p, e = i + p; i < e; i++) s += dy[i];
                db[dbOff + c] += s;
            }
        }
        if (dw == null && dx == null) return;
        for (int oy0 = 0; oy0 < g.oH(); oy0 += rows) {
            int oy1 = Math.min(g.oH(), oy0 + rows), b = (oy1 - oy0) * oW, dyOff = yBase + oy0 * oW;
            if (dw != null) {
                float[] cols = work.cols = grow(work.cols, k * b);
                unfoldBand(x, g, n, oy0, oy1, cols);
                // dWᵀ(K, F) += cols(K, B) * dY(F, B)ᵀ: packing the thin dY transposed is cheaper than colsᵀ.
                gemm.gemm(false, true, k, f, b, cols, 0, b, dy, dyOff, p, dw, 0, f, true);
            }
            if (dx != null) {
                float[] dcols = work.dcols = grow(work.dcols, k * b);
                // dcols(K, B) = W(F, K)ᵀ * dY(F, B)
                gemm.gemm(true, false, k, b, f, w, 0, k, dy, dyOff, p, dcols, 0, b, false);
                foldBand(dcols, g, n, oy0, oy1, dx);
            }
        }
    }

    private static float[][] partials(int chunks, int size) {
        float[][][] holder = PARTIALS.get();
        float[][] p = holder[0];
        if (p.length != chunks || (chunks > 0 && p[0].length < size)) {
            p = new float[chunks][size];
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
    static void unfoldBand(float[] x, Window2d g, int n, int oy0, int oy1, float[] cols) {
        int oW = g.oW(), H = g.h(), W = g.w(), b = (oy1 - oy0) * oW, sW = g.strideW();
        for (int c = 0; c < g.c(); c++) {
            int xBase = (n * g.c() + c) * H * W;
            for (int i = 0; i < g.kH(); i++) {
                for (int j = 0; j < g.kW(); j++) {
                    int dst = ((c * g.kH() + i) * g.kW() + j) * b;
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
                        } else {
                            for (int ox = lo; ox < hi; ox++) cols[dst + ox] = x[src + ox * sW];
                        }
                    }
                }
            }
        }
    }

    /** dx[n] += fold(dcols) over output rows [oy0, oy1): the adjoint of {@link #unfoldBand}. */
    static void foldBand(float[] dcols, Window2d g, int n, int oy0, int oy1, float[] dx) {
        int oW = g.oW(), H = g.h(), W = g.w(), b = (oy1 - oy0) * oW, sW = g.strideW();
        for (int c = 0; c < g.c(); c++) {
            int xBase = (n * g.c() + c) * H * W;
            for (int i = 0; i < g.kH(); i++) {
                for (int j = 0; j < g.kW(); j++) {
                    int src = ((c * g.kH() + i) * g.kW() + j) * b;
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
