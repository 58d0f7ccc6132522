package dev.beak.tensor;

import java.util.Locale;

/**
 * How much a file may ask Beak to allocate: the one place that bounds what loaders accept before
 * they allocate. A loader compares what a file declares (values of a tensor, pixels of an image,
 * bytes after decompression, nodes of a graph) with these limits and with the bytes actually present,
 * and refuses the file with a message naming it when either does not hold.
 *
 * <p>The defaults fit the largest files Beak is meant for (VGG's 102 M-value dense layer, CIFAR-100's
 * 150 MB of pixels, a 25-megapixel photo) and stop a small hostile file from costing gigabytes. Each
 * can be set with a system property ({@code -Dbeak.limit.elements=...}, {@code beak.limit.pixels},
 * {@code beak.limit.inflated}, {@code beak.limit.nodes}), read when {@link #current()} is called.
 *
 * <p>{@link #capTensors()} applies the element limit to every tensor made on the calling thread while
 * the returned scope is open ({@link Shape#size} checks it): importers run a file's nodes under it, so
 * a node whose attributes ask for a huge result fails with {@link LimitExceededException} instead of
 * exhausting the heap.
 *
 * {@snippet :
 * try (var cap = Limits.current().capTensors()) {
 *     out = kernel.apply(false, inputs);      // a 2^40-value ConstantOfShape throws here
 * }
 * }
 *
 * @param maxElements  values in one tensor read from or computed for a file
 * @param maxPixels    pixels (width x height) of one image, checked from its header before decoding
 * @param maxInflated  bytes one compressed stream or entry may expand to
 * @param maxNodes     nodes of one imported graph
 */
public record Limits(long maxElements, long maxPixels, long maxInflated, int maxNodes) {
    /** The defaults: 2^28 values (1 GiB of floats), 25 M pixels (100 MB decoded, 300 MB as floats), 2 GiB inflated, 100,000 nodes. */
    public static final Limits DEFAULT = new Limits(1L << 28, 25_000_000L, 2L << 30, 100_000);

    private static final ThreadLocal<long[]> TENSOR_CAP = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});

    public Limits {
        if (maxElements < 1 || maxPixels < 1 || maxInflated < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + this);
        }
    }

    /** The defaults, overridden by any {@code beak.limit.*} system property. */
    public static Limits current() {
        return new Limits(property("elements", DEFAULT.maxElements), property("pixels", DEFAULT.maxPixels),
                property("inflated", DEFAULT.maxInflated), (int) Math.min(Integer.MAX_VALUE, property("nodes", DEFAULT.maxNodes)));
    }

    /** Null when {@code count} values of {@code what} are allowed, else why not (for the caller's error naming its file). */
    public String elementsProblem(String what, long count) {
        return count <= maxElements ? null : exceeds(what, count, "values", maxElements, "elements");
    }

    /** Null when an image of {@code width} x {@code height} pixels is allowed, else why not. */
    public String pixelsProblem(String what, long width, long height) {
        long pixels = width * height;
        if (width < 1 || height < 1) return what + " declares " + width + " x " + height + " pixels";
        return pixels <= maxPixels && pixels / width == height ? null
                : exceeds(what + " (" + width + " x " + height + ")", pixels, "pixels", maxPixels, "pixels");
    }

    /** Null when a stream may expand to {@code bytes} bytes, else why not. */
    public String inflatedProblem(String what, long bytes) {
        return bytes <= maxInflated ? null : exceeds(what, bytes, "bytes when decompressed", maxInflated, "inflated");
    }

    /** Null when a graph of {@code nodes} nodes is allowed, else why not. */
    public String nodesProblem(String what, long nodes) {
        return nodes <= maxNodes ? null : exceeds(what, nodes, "nodes", maxNodes, "nodes");
    }

    /**
     * Applies {@link #maxElements} to every tensor shape sized on this thread until the scope closes
     * (scopes nest; the innermost cap holds).
     */
    public Scope capTensors() {
        long[] cap = TENSOR_CAP.get();
        long previous = cap[0];
        cap[0] = Math.min(previous, maxElements);
        return () -> cap[0] = previous;
    }

    /** Throws when {@code count} values exceed the calling thread's tensor cap; called by {@link Shape#size}. */
    static void checkTensor(long count, int[] shape) {
        long cap = TENSOR_CAP.get()[0];
        if (count > cap) {
            throw new LimitExceededException("a tensor of shape " + java.util.Arrays.toString(shape) + " would hold "
                    + String.format(Locale.ROOT, "%,d", count) + " values, over the limit of " + String.format(Locale.ROOT, "%,d", cap)
                    + " (-Dbeak.limit.elements)");
        }
    }

    /** A cap scope; closing restores the previous cap. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static String exceeds(String what, long count, String unit, long limit, String property) {
        return String.format(Locale.ROOT, "%s declares %,d %s, over the limit of %,d (raise it with -Dbeak.limit.%s=N)",
                what, count, unit, limit, property);
    }

    private static long property(String name, long fallback) {
        String v = System.getProperty("beak.limit." + name);
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v.trim().replace("_", ""));
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dbeak.limit." + name + "=" + v + " is not a positive whole number");
        }
    }
}
