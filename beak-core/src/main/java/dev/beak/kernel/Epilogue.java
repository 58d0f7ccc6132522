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
