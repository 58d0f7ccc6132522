package dev.beak.kernel;

/**
 * Sums of every stride-1 window of one plane, the work of an average pool with stride 1 (Inception's
 * 3x3 branch pools): each output is the sum of the input values its kH x kW window covers, padding
 * counting as absent. Computed separably, down the columns and then along the rows, in the order
 * the general pooling loop adds: rows top to bottom, then columns left to right, each sum starting
 * from 0. Where windows lie whole inside the plane, one output row's sums are contiguous with the
 * next row's, so each pass runs over the whole band of such rows in one loop the JIT vectorises;
 * the rows and columns whose windows are cut by the padding are summed on their own.
 */
public final class WindowSums {
    private final int h, w, kH, kW, padTop, padLeft, oH, oW;
    private final float[] ones;
    private final int[] down, along;

    /** Windows of kH x kW at stride 1 over an h x w plane padded by padTop and padLeft, giving oH x oW sums. */
    public WindowSums(int h, int w, int kH, int kW, int padTop, int padLeft, int oH, int oW) {
        this.h = h;
        this.w = w;
        this.kH = kH;
        this.kW = kW;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.oH = oH;
        this.oW = oW;
        ones = new float[Math.max(kH, kW)];
        java.util.Arrays.fill(ones, 1f);
        down = new int[kH];
        along = new int[kW];
        for (int t = 0; t < kH; t++) down[t] = (t - padTop) * w;
        for (int t = 0; t < kW; t++) along[t] = t - padLeft;
    }

    /**
     * {@code y[yOff + oy*oW + ox] = sum of x[xOff + iy*W + ix]} over the window of output (oy, ox), which
     * starts at row {@code oy - padTop} and column {@code ox - padLeft}; {@code rows} is scratch of at
     * least {@code oH * W} floats (the column sums).
     */
    public void sum(float[] x, int xOff, float[] rows, float[] y, int yOff) {
        ElementwiseKernel ops = Kernels.elementwise();
        // Column sums: rows[oy*W + ix] = x rows iy in [oy - padTop, oy - padTop + kH) clipped to the plane;
        // a sum of taps of weight 1 adds exactly as the loop does (x * 1 is x). Taps read x[off + t] and
        // write rows[t - xOff] for t = xOff + i.
        int whole0 = Math.max(0, padTop), whole1 = Math.min(oH, h - kH + padTop + 1);
        if (whole1 > whole0) ops.taps(0f, ones, 0, x, down, rows, -xOff, xOff + whole0 * w, xOff + whole1 * w);
        for (int oy = 0; oy < oH; oy++) {
            if (oy >= whole0 && oy < whole1) continue;
            int lo = Math.max(0, oy - padTop), hi = Math.min(h, oy - padTop + kH), r = oy * w;
            for (int ix = 0; ix < w; ix++) rows[r + ix] = 0f;
            for (int iy = lo; iy < hi; iy++) {
                for (int ix = 0, s = xOff + iy * w; ix < w; ix++) rows[r + ix] += x[s + ix];
            }
        }
        // Row sums of the column sums, written to y.
        int left = Math.max(0, padLeft), right = Math.min(oW, w - kW + padLeft + 1);
        if (oW == w && right > left) {
            // Same width in and out: the windows whole inside a row run on into the next row's, so sum
            // the whole plane in one pass and then redo each row's cut columns.
            ops.taps(0f, ones, 0, rows, along, y, yOff, left, (oH - 1) * oW + right);
            for (int oy = 0; oy < oH; oy++) {
                for (int ox = 0; ox < left; ox++) y[yOff + oy * oW + ox] = cut(rows, oy * w, w, ox - padLeft, kW);
                for (int ox = right; ox < oW; ox++) y[yOff + oy * oW + ox] = cut(rows, oy * w, w, ox - padLeft, kW);
            }
            return;
        }
        for (int oy = 0; oy < oH; oy++) {
            for (int ox = 0; ox < oW; ox++) y[yOff + oy * oW + ox] = cut(rows, oy * w, w, ox - padLeft, kW);
        }
    }

    /** The sum of {@code rows[r + ix]} for ix in [x0, x0 + k) clipped to [0, w), from 0, left to right. */
    private static float cut(float[] rows, int r, int w, int x0, int k) {
        float s = 0f;
        for (int ix = Math.max(0, x0), end = Math.min(w, x0 + k); ix < end; ix++) s += rows[r + ix];
        return s;
    }
}
