package dev.beak.kernel;

/**
 * Chooses the kernels once, at first use: the Vector API GEMM when module
 * {@code jdk.incubator.vector} is in the boot layer, the scalar GEMM otherwise (after one hint on
 * stderr). The system property {@code beak.kernels=scalar} forces the scalar path.
 *
 * <p>The vector kernel is loaded reflectively, so a class that references the Vector API is never
 * loaded on a JVM started without it.
 */
public final class Kernels {
    private static final String VECTOR_GEMM = "dev.beak.kernel.VectorGemm";
    private static final String VECTOR_ELEMENTWISE = "dev.beak.kernel.VectorElementwise";
    private static final String VECTOR_TILE = "dev.beak.kernel.VectorTileKernel";
    private static final String VECTOR_WINOGRAD = "dev.beak.kernel.VectorWinogradTransforms";
    private static final String VECTOR_MAX_POOL = "dev.beak.kernel.VectorMaxPoolRows";
    private static final String VECTOR_INTERLEAVE = "dev.beak.kernel.VectorInterleave";
    private static final String VECTOR_TWO_BY_TWO = "dev.beak.kernel.VectorTwoByTwoGradient";
    private static final String HINT = "beak: the Vector API is not enabled; running scalar kernels"
            + " (add --add-modules jdk.incubator.vector for the fast path)";

    private static final Gemm SCALAR = new ScalarGemm();
    private static final Gemm REFERENCE = new ReferenceGemm();
    private static final Gemm SELECTED = select();
    private static final ElementwiseKernel SCALAR_ELEMENTWISE = new ScalarElementwise();
    private static final ElementwiseKernel ELEMENTWISE = SELECTED == SCALAR ? SCALAR_ELEMENTWISE : vectorElementwise();
    private static final TileKernel TILE = SELECTED == SCALAR ? new ScalarTileKernel()
            : (TileKernel) vector(VECTOR_TILE, new ScalarTileKernel());
    private static final WinogradTransforms WINOGRAD = SELECTED == SCALAR ? new ScalarWinogradTransforms()
            : (WinogradTransforms) vector(VECTOR_WINOGRAD, new ScalarWinogradTransforms());
    private static final MaxPoolRows MAX_POOL = SELECTED == SCALAR ? new ScalarMaxPoolRows()
            : (MaxPoolRows) vector(VECTOR_MAX_POOL, new ScalarMaxPoolRows());
    private static final Interleave INTERLEAVE = SELECTED == SCALAR ? new ScalarInterleave()
            : (Interleave) vector(VECTOR_INTERLEAVE, new ScalarInterleave());
    private static final TwoByTwoGradient TWO_BY_TWO = SELECTED == SCALAR ? new ScalarTwoByTwoGradient()
            : (TwoByTwoGradient) vector(VECTOR_TWO_BY_TWO, new ScalarTwoByTwoGradient());

    private Kernels() {}

    /** The fastest GEMM available on this JVM. */
    public static Gemm gemm() {
        return SELECTED;
    }

    /** Whether {@link #gemm()} is the Vector API kernel. */
    public static boolean vectorized() {
        return SELECTED != SCALAR;
    }

    /** The plain-Java GEMM (also what {@link #gemm()} is without the Vector API). */
    public static Gemm scalarGemm() {
        return SCALAR;
    }

    /** The slow, obviously correct GEMM that tests compare the fast ones with. */
    public static Gemm referenceGemm() {
        return REFERENCE;
    }

    /**
     * The elementwise loops matching {@link #gemm()}: Vector API or scalar. Ops that split work over
     * their own axis (batch normalisation, by channel) call these on runs; others go through {@link Elementwise}.
     */
    public static ElementwiseKernel elementwise() {
        return ELEMENTWISE;
    }

    /** The register-tile kernel matching {@link #gemm()}, for drivers that pack their own panels. */
    static TileKernel tileKernel() {
        return TILE;
    }

    /** The Winograd transforms matching {@link #gemm()}. */
    static WinogradTransforms winogradTransforms() {
        return WINOGRAD;
    }

    /** The 2x2 max-pool gradient matching {@link #gemm()}. */
    static TwoByTwoGradient twoByTwoGradient() {
        return TWO_BY_TWO;
    }

    /** Even/odd splitting and zipping matching {@link #gemm()}. */
    static Interleave interleave() {
        return INTERLEAVE;
    }

    static MaxPoolRows maxPoolRows() {
        return MAX_POOL;
    }

    /** An instance of the Vector API class {@code name}, or {@code fallback} if it cannot be loaded. */
    private static Object vector(String name, Object fallback) {
        try {
            return Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return fallback;
        }
    }

    private static ElementwiseKernel vectorElementwise() {
        try {
            return (ElementwiseKernel) Class.forName(VECTOR_ELEMENTWISE).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR_ELEMENTWISE;
        }
    }

    private static Gemm select() {
        if ("scalar".equalsIgnoreCase(System.getProperty("beak.kernels", ""))) return SCALAR;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (Gemm) Class.forName(VECTOR_GEMM).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                // Fall through: a JVM that lists the module but cannot link it runs scalar too.
            }
        }
        System.err.println(HINT);
        return SCALAR;
    }
}
