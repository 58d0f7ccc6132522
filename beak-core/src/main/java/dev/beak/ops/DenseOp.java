package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Gemm;
import dev.beak.kernel.Kernels;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * Fully connected layer: {@code y = x * w + b}, the weights stored either way round.
 *
 * <p>Shapes: x (N, In); w (In, Out) ({@link WeightLayout#IN_OUT}, Keras' Dense) or (Out, In)
 * ({@link WeightLayout#OUT_IN}, ONNX Gemm with transB, PyTorch's Linear); b (Out) or null; y (N, Out).
 * The GEMM reads w in place either way, never a transposed copy. Backward (IN_OUT):
 * {@code dx += dy * wᵀ}, {@code dw += xᵀ * dy}; (OUT_IN): {@code dx += dy * w}, {@code dw += dyᵀ * x};
 * {@code db += column sums of dy}.
 */
public final class DenseOp {
    private DenseOp() {}

    /** How the weight matrix is stored. */
    public enum WeightLayout { IN_OUT, OUT_IN }

    public static Tensor apply(Tensor x, Tensor w, Tensor b) {
        return apply(x, w, b, WeightLayout.IN_OUT);
    }

    public static Tensor apply(Tensor x, Tensor w, Tensor b, WeightLayout layout) {
        boolean outIn = layout == WeightLayout.OUT_IN;
        int inAxis = outIn ? 1 : 0;
        if (x.rank() != 2 || w.rank() != 2 || x.dim(1) != w.dim(inAxis)) {
            throw new IllegalArgumentException("dense: input " + Shape.toString(x.shape()) + " does not match weights "
                    + Shape.toString(w.shape()) + " stored " + layout + " (expected input (N, " + (w.rank() == 2 ? w.dim(inAxis) : "?") + "))");
        }
        int n = x.dim(0), in = w.dim(inAxis), out = w.dim(1 - inAxis);
        if (b != null && (b.rank() != 1 || b.dim(0) != out)) {
            throw new IllegalArgumentException("dense bias must be (" + out + "), got " + Shape.toString(b.shape()));
        }
        Gemm gemm = Kernels.gemm();
        float[] y = Workspace.floats(n * out);
        if (b != null) {
            for (int i = 0; i < n; i++) System.arraycopy(b.data(), 0, y, i * out, out);
        }
        gemm.gemm(false, outIn, n, out, in, x.data(), w.data(), y, b != null);
        return Autograd.record(Tensor.of(y, n, out), "Dense", dy -> {
            if (x.requiresGrad()) gemm.gemm(false, !outIn, n, in, out, dy, w.data(), x.gradBuffer(), true);
            if (w.requiresGrad()) {
                if (outIn) gemm.gemm(true, false, out, in, n, dy, x.data(), w.gradBuffer(), true);
                else gemm.gemm(true, false, in, out, n, x.data(), dy, w.gradBuffer(), true);
            }
            if (b != null && b.requiresGrad()) {
                float[] db = b.gradBuffer();
                for (int i = 0; i < n; i++) for (int j = 0; j < out; j++) db[j] += dy[i * out + j];
            }
        }, x, w, b);
    }
}
