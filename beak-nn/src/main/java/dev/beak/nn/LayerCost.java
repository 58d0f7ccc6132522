package dev.beak.nn;

import dev.beak.nn.layer.BatchNorm;
import dev.beak.nn.layer.Conv1d;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.ConvTranspose1d;
import dev.beak.nn.layer.ConvTranspose2d;
import dev.beak.nn.layer.Dense;
import dev.beak.nn.layer.Dropout;
import dev.beak.nn.layer.Flatten;
import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.Parameter;
import dev.beak.tensor.Shape;

import java.util.SplittableRandom;

/**
 * What one layer costs, per sample, worked out from its spec and shapes alone (nothing is built or run),
 * so that a summary of VGG-16 or ResNet-152 allocates no weights. One place for every layer type.
 *
 * <p>Convention (torchvision's and the CS231n notes'): a multiply-add (MAC) is one multiplication
 * and one addition, 2 FLOPs. Only convolutions and matrix products are counted: a Conv2d makes
 * {@code oH*oW*F * (C/groups)*kH*kW} multiply-adds, a transposed convolution
 * {@code H*W*C * (F/groups)*kH*kW}, a Dense {@code In*Out}; biases, pooling, normalisation,
 * activations, additions and concatenations count 0. A spec of another module states its own
 * cost by implementing {@link Custom}; any other spec outside Beak's layers is unknown (-1).
 */
public final class LayerCost {
    private LayerCost() {}

    /** A layer spec that knows its multiply-adds per sample (imported graph nodes, user layers). */
    public interface Custom {
        /** Multiply-adds per sample for these per-sample input and output shapes, or -1 when unknown. */
        long multiplyAdds(int[][] inputShapes, int[][] outputShapes);
    }

    /** Multiply-adds per sample (see the convention above), or -1 when the spec's cost is unknown. */
    public static long multiplyAdds(LayerSpec spec, int[][] in, int[][] out) {
        long outSize = Shape.size(out[0]);
        return switch (spec) {
            case Conv2d c -> outSize * (in[0][0] / c.groups()) * c.kernelH() * c.kernelW();
            case Conv1d c -> outSize * (in[0][0] / c.groups()) * c.kernel();
            case ConvTranspose2d c -> (long) Shape.size(in[0]) * (c.filters() / c.groups()) * c.kernelH() * c.kernelW();
            case ConvTranspose1d c -> (long) Shape.size(in[0]) * (c.filters() / c.groups()) * c.kernel();
            case Dense d -> (long) in[0][0] * d.units();
            case Custom c -> c.multiplyAdds(in, out);
            default -> LayerSpec.class.getPackage().equals(spec.getClass().getPackage()) ? 0 : -1;
        };
    }

    /**
     * New activation values per sample in a forward pass in inference: the size of every output,
     * except for layers that hand back their input or a view of it (Flatten; Dropout at inference).
     */
    public static long activations(LayerSpec spec, int[][] out) {
        if (spec instanceof Flatten || spec instanceof Dropout) return 0;
        long n = 0;
        for (int[] o : out) n += Shape.size(o);
        return n;
    }

    /**
     * Trainable parameters and buffers (running statistics) of the layer for these input shapes:
     * {@code {parameters, buffers}}. Convolutions, Dense and BatchNorm by formula; any other layer is
     * built once on its own to count (layers without a formula are small).
     */
    public static long[] parameters(LayerSpec spec, int[][] in) {
        return switch (spec) {
            case Conv2d c -> new long[] {(long) c.filters() * (in[0][0] / c.groups()) * c.kernelH() * c.kernelW() + (c.useBias() ? c.filters() : 0), 0};
            case Conv1d c -> new long[] {(long) c.filters() * (in[0][0] / c.groups()) * c.kernel() + (c.useBias() ? c.filters() : 0), 0};
            case Dense d -> new long[] {(long) in[0][0] * d.units() + (d.useBias() ? d.units() : 0), 0};
            case BatchNorm b -> new long[] {2L * in[0][0], 2L * in[0][0]};
            default -> counted(spec.build(new SplittableRandom(0), in));
        };
    }

    /** {@code {parameters, buffers}} of a built layer. */
    static long[] counted(Layer layer) {
        long p = 0, b = 0;
        for (Parameter x : layer.parameters()) p += x.value().size();
        for (Parameter x : layer.buffers()) b += x.value().size();
        return new long[] {p, b};
    }
}
