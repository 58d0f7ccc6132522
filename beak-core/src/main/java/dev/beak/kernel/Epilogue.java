package dev.beak.kernel;

/**
 * What a product does to each finished value of C before it leaves the GEMM: adds the value of its
 * row ({@code rowBias[i]} for row i of C, a convolution's bias per filter), then the value at the same
 * index of {@code addend} (a residual connection's other branch, laid out as C is), then, with
 * {@code relu}, keeps {@code Math.max(v, 0)} (as {@link Elementwise#relu}: NaN stays NaN). Applied to
 * each tile right after its last k-slice is written, while the tile is still in L1, instead of in
 * separate passes over the whole output; the result is that of the product followed by those passes,
 * value for value.
 *
 * @param rowBias one value per row of C, or null for none
 * @param addend  values added index for index ({@code addend[j]} to {@code c[j]}), or null for none
 * @param relu    whether negative values become 0 (a fused ReLU)
 */
public record Epilogue(float[] rowBias, float[] addend, boolean relu) {
    /** Nothing: C is the product alone. */
    public static final Epilogue NONE = new Epilogue(null, null, false);

    /** The epilogue adding {@code rowBias} (may be null) and then, with {@code relu}, clamping at 0. */
    public static Epilogue of(float[] rowBias, boolean relu) {
        return of(rowBias, null, relu);
    }

    /** The epilogue adding {@code rowBias} and {@code addend} (either may be null) and then, with {@code relu}, clamping at 0. */
    public static Epilogue of(float[] rowBias, float[] addend, boolean relu) {
        return rowBias == null && addend == null && !relu ? NONE : new Epilogue(rowBias, addend, relu);
    }

    /** Whether this changes nothing. */
    public boolean none() {
        return rowBias == null && addend == null && !relu;
    }

    /**
     * {@code y[yOff + i*cols + j] := e(ct[j*ldt + i])} for rows i in [row0, row1) of the matrix whose
     * transpose is at {@code ct} (row stride {@code ldt}): a product computed transposed, finished into its
     * place; the addend is read at y's indices. Blocks of 16 rows, so that each read of ct is one run and
     * the writes go to 16 rows in step.
     */
    void applyTransposed(float[] ct, int ldt, int row0, int row1, int cols, float[] y, int yOff) {
        for (int i0 = row0; i0 < row1; i0 += 16) {
            int i1 = Math.min(row1, i0 + 16);
            for (int j = 0; j < cols; j++) {
                for (int i = i0, t = j * ldt + i0; i < i1; i++, t++) {
                    float v = rowBias == null ? ct[t] : ct[t] + rowBias[i];
                    int at = yOff + i * cols + j;
                    if (addend != null) v += addend[at];
                    y[at] = relu ? Math.max(v, 0f) : v;
                }
            }
        }
    }

    /** Applies this to {@code rows x cols} values of C at {@code c[ci ..]} (row stride {@code ldc}), whose first row is row {@code row0} of C. */
    void apply(float[] c, int ci, int ldc, int row0, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            float bias = rowBias == null ? 0f : rowBias[row0 + r];
            for (int j = ci + r * ldc, end = j + cols; j < end; j++) {
                float v = rowBias == null ? c[j] : c[j] + bias;
                if (addend != null) v += addend[j];
                c[j] = relu ? Math.max(v, 0f) : v;
            }
        }
    }
}
