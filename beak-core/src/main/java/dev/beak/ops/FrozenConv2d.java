package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Conv2dKernel;
import dev.beak.kernel.Epilogue;
import dev.beak.kernel.Kernels;
import dev.beak.kernel.PackedA;
import dev.beak.kernel.PackedB;
import dev.beak.kernel.Winograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * A convolution whose filters stay fixed while it is used, as in an inference plan: the GEMM path
 * packs the filters (each group's, when grouped) once, at its first call, instead of on every call,
 * which for deep layers on small maps (ResNet-50's 512 x 4608 filters on 7 x 7) costs as much as a
 * fifth of the product. Likewise Winograd's path transforms the filters once, which makes it pay on
 * smaller maps ({@link Winograd#paysFrozen}: 14 x 14 at batch 1), where the result differs from
 * im2col's by rounding. Elsewhere computes exactly what
 * {@link Ops#conv2d(Tensor, Tensor, Tensor, int, int, int, int, Padding, int)} computes, and is that
 * call when gradients are wanted. Safe to share between threads.
 */
public final class FrozenConv2d {
    private final Tensor w, b;
    private final int groups;
    private volatile PackedA[] packed;
    private volatile Winograd.Transformed transformed;
    private volatile PackedB transposed;

    /** Filters w (F, C/groups, kH, kW) and bias b (F) or null; neither may change while this is used. */
    public FrozenConv2d(Tensor w, Tensor b, int groups) {
        if (w.rank() != 4) throw new IllegalArgumentException("conv2d weights must be (F, C/groups, kH, kW), got " + Shape.toString(w.shape()));
        if (groups < 1 || w.dim(0) % groups != 0) throw new IllegalArgumentException(groups + " groups for " + w.dim(0) + " filters");
        this.w = w;
        this.b = b;
        this.groups = groups;
    }

    public Tensor apply(Tensor x, int strideH, int strideW, int dilationH, int dilationW, Padding padding) {
        return apply(x, strideH, strideW, dilationH, dilationW, padding, null, false);
    }

    /**
     * {@code max(conv(x) + addend, 0)}: the convolution, plus {@code addend} when it is not null (a residual
     * connection's other branch, added as ONNX's Add broadcasts), then with {@code relu} the ReLU. Where
     * the GEMM computes the convolution and the addend has the output's shape, both are applied in its
     * write-back; otherwise they are passes over the fresh output. With gradients wanted it is
     * {@link Ops#conv2d}, {@link Ops#add} and {@link Ops#relu}.
     */
    public Tensor apply(Tensor x, int strideH, int strideW, int dilationH, int dilationW, Padding padding, Tensor addend, boolean relu) {
        if (Autograd.needsGrad(x, w, b) || addend != null && addend.requiresGrad()) {
            return finish(Ops.conv2d(x, w, b, strideH, strideW, dilationH, dilationW, padding, groups), addend, relu);
        }
        if (groups > 1) {
            Window2d g = GroupedConv2dOp.window(x, w, b, strideH, strideW, dilationH, dilationW, padding, groups);
            return finish(w.dim(1) == 1 ? DepthwiseConv2dOp.apply(x, w, b, g) : GroupedConv2dOp.inference(x, w, b, g, groups, filters()), addend, relu);
        }
        Window2d g = Conv2dOp.window(x, w, b, strideH, strideW, dilationH, dilationW, padding);
        int f = w.dim(0);
        int[] shape = {g.n(), f, g.oH(), g.oW()};
        float[] y = Workspace.floats(g.n() * f * g.oH() * g.oW()), bias = b == null ? null : b.data();
        Tensor out = Tensor.of(y, shape);
        if (Winograd.paysFrozen(g, f)) {
            Winograd.forward(x.data(), transformed(), bias, g, y);
            return finish(out, addend, relu);
        }
        boolean fused = addend == null || java.util.Arrays.equals(addend.shape(), shape);
        Epilogue epilogue = Epilogue.of(bias, fused && addend != null ? addend.data() : null, fused && relu);
        if (Conv2dKernel.transposedPays(g, f)) Conv2dKernel.forwardTransposed(x.data(), transposed(), g, y, epilogue);
        else Conv2dKernel.forward(x.data(), filters()[0], g, y, epilogue);
        return fused ? out : finish(out, addend, relu);
    }

    /** y + addend (when not null), then the ReLU (with {@code relu}): in place on y where no gradients are recorded. */
    private static Tensor finish(Tensor y, Tensor addend, boolean relu) {
        if (addend != null) y = Ops.add(y, addend);
        if (!relu) return y;
        return y.requiresGrad() ? Ops.relu(y) : ReluOp.applyInPlace(y);
    }

    /** The filters (F, K) packed as the right operand Wᵀ (K, F) of {@link Conv2dKernel#forwardTransposed}. */
    private PackedB transposed() {
        PackedB t = transposed;
        if (t == null) {
            int f = w.dim(0), k = w.size() / f;
            t = Kernels.gemm().packB(true, k, f, w.data(), 0, k);
            transposed = t;
        }
        return t;
    }

    private Winograd.Transformed transformed() {
        Winograd.Transformed t = transformed;
        if (t == null) {
            // As with the packed filters, two threads may both transform at first; either result is the same.
            t = Winograd.transform(w.data(), w.dim(0), w.dim(1));
            transformed = t;
        }
        return t;
    }

    private PackedA[] filters() {
        PackedA[] p = packed;
        if (p == null) {
            // Two threads may both pack at first; either result is the same.
            p = GroupedConv2dOp.packGroups(w, groups);
            packed = p;
        }
        return p;
    }
}
