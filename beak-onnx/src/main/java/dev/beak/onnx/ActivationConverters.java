package dev.beak.onnx;

import dev.beak.ops.BroadcastOp;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import static dev.beak.onnx.OnnxNode.one;

/** Converters for the activations beyond ReLU and for LogSoftmax. */
final class ActivationConverters {
    private ActivationConverters() {}

    /** ONNX's Selu defaults (float32 roundings of the SELU constants). */
    private static final float SELU_ALPHA = 1.67326319217681884765625f, SELU_GAMMA = 1.05070102214813232421875f;

    static OnnxKernel sigmoid(OnnxNode n) {
        return (t, in) -> one(Ops.sigmoid(in[0]));
    }

    static OnnxKernel tanh(OnnxNode n) {
        return (t, in) -> one(Ops.tanh(in[0]));
    }

    static OnnxKernel softplus(OnnxNode n) {
        return (t, in) -> one(Ops.softplus(in[0]));
    }

    static OnnxKernel hardSwish(OnnxNode n) {
        return (t, in) -> one(Ops.hardSwish(in[0]));
    }

    static OnnxKernel leakyRelu(OnnxNode n) {
        float alpha = n.f("alpha", 0.01f);
        return (t, in) -> one(Ops.leakyRelu(in[0], alpha));
    }

    static OnnxKernel elu(OnnxNode n) {
        float alpha = n.f("alpha", 1f);
        return (t, in) -> one(Ops.elu(in[0], alpha));
    }

    static OnnxKernel hardSigmoid(OnnxNode n) {
        float alpha = n.f("alpha", 0.2f), beta = n.f("beta", 0.5f);
        return (t, in) -> one(Ops.hardSigmoid(in[0], alpha, beta));
    }

    /** Selu: {@code gamma * elu(x, alpha)}; Beak's SELU when both are ONNX's defaults. */
    static OnnxKernel selu(OnnxNode n) {
        float alpha = n.f("alpha", SELU_ALPHA), gamma = n.f("gamma", SELU_GAMMA);
        if (alpha == SELU_ALPHA && gamma == SELU_GAMMA) return (t, in) -> one(Ops.selu(in[0]));
        return (t, in) -> one(Ops.mul(Ops.elu(in[0], alpha), Tensor.scalar(gamma)));
    }

    /**
     * PRelu: a slope per channel (axis 1) or one shared slope runs on {@link Ops#prelu}; any other slope
     * that broadcasts to x (numpy style, from the right) as {@code max(0, x) + slope * min(0, x)}. Before
     * opset 7 (no numpy broadcasting) a slope of C values is per channel.
     */
    static OnnxKernel prelu(OnnxNode n) {
        boolean legacy = n.opset() < 7;
        return (t, in) -> {
            Tensor x = in[0], slope = in[1];
            if (perChannel(x, slope) || legacy && x.rank() >= 2 && slope.size() == x.dim(1)) return one(Ops.prelu(x, Ops.reshape(slope, slope.size())));
            Tensor zero = Tensor.scalar(0f);
            Tensor pos = Ops.binary(BroadcastOp.Kind.MAX, x, zero), neg = Ops.binary(BroadcastOp.Kind.MIN, x, zero);
            return one(Ops.add(pos, Ops.mul(slope, neg)));
        };
    }

    private static boolean perChannel(Tensor x, Tensor slope) {
        if (slope.size() == 1) return slope.rank() <= x.rank();
        int r = x.rank(), sr = slope.rank();
        if (r < 2 || sr > r - 1 || slope.size() != x.dim(1)) return false;
        for (int a = 0; a < sr; a++) {
            int axis = r - sr + a;
            if (axis != 1 && slope.dim(a) != 1) return false;
        }
        return true;
    }

    /** Opsets 1-12: the input is seen as 2-d, (prod(shape[:axis]), prod(shape[axis:])), log-softmax over rows. */
    static OnnxKernel logSoftmaxCoerced(OnnxNode n) {
        long axis = n.i("axis", 1);
        return (t, in) -> {
            Tensor x = in[0];
            int a = (int) (axis < 0 ? axis + x.rank() : axis), rows = 1;
            for (int i = 0; i < a; i++) rows *= x.dim(i);
            return one(Ops.reshape(Ops.logSoftmax(Ops.reshape(x, rows, -1)), x.shape()));
        };
    }

    /** Opset 13 on: log-softmax along one axis (moved last and back when it is not the last). */
    static OnnxKernel logSoftmaxAxis(OnnxNode n) {
        long axis = n.i("axis", -1);
        return (t, in) -> {
            Tensor x = in[0];
            int r = x.rank(), a = (int) (axis < 0 ? axis + r : axis);
            if (a == r - 1) return one(Ops.logSoftmax(x));
            int[] perm = new int[r];
            for (int i = 0; i < r; i++) perm[i] = i;
            perm[a] = r - 1;
            perm[r - 1] = a;
            return one(Ops.transpose(Ops.logSoftmax(Ops.transpose(x, perm)), perm));
        };
    }
}
