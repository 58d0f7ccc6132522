package dev.beak.onnx;

import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;

import static dev.beak.onnx.OnnxNode.in;
import static dev.beak.onnx.OnnxNode.one;

/**
 * Converters for the normalisations: BatchNormalization (inference form, with the given mean and
 * variance), InstanceNormalization, GroupNormalization, LayerNormalization and LRN.
 */
final class NormConverters {
    private NormConverters() {}

    /**
     * BatchNormalization with the given statistics ({@link Ops#batchNormEval}). The training form (batch
     * statistics, and the running-statistic outputs) is not supported: its running variance is ONNX's
     * biased one, where Beak's training op keeps PyTorch's unbiased one.
     */
    static OnnxKernel batchNorm(OnnxNode n) {
        float eps = n.f("epsilon", 1e-5f);
        boolean training = n.opset() >= 14 ? n.i("training_mode", 0) != 0
                : n.opset() < 7 ? n.i("is_test", 0) == 0 && extraOutputs(n) : extraOutputs(n);
        if (training) throw n.unsupported("BatchNormalization in training mode (batch statistics and running-statistic outputs) is not supported");
        if (n.opset() < 9 && n.i("spatial", 1) == 0) throw n.unsupported("BatchNormalization with spatial = 0 is not supported");
        return (t, in) -> one(Ops.batchNormEval(in[0], in[1], in[2], in[3], in[4], eps));
    }

    static OnnxKernel instanceNorm(OnnxNode n) {
        float eps = n.f("epsilon", 1e-5f);
        return (t, in) -> one(Ops.instanceNorm(in[0], in[1], in[2], eps));
    }

    /** GroupNormalization: scale and bias per group at opset 18 (repeated over each group's channels), per channel from 21. */
    static OnnxKernel groupNorm(OnnxNode n) {
        float eps = n.f("epsilon", 1e-5f);
        int groups = (int) n.i("num_groups", 0);
        if (groups < 1) throw n.invalid("GroupNormalization needs num_groups >= 1");
        return (t, in) -> {
            Tensor x = in[0], scale = in[1], bias = in[2];
            int c = x.dim(1);
            if (scale.size() == groups && groups != c) {
                scale = perChannel(scale, groups, c);
                bias = perChannel(bias, groups, c);
            }
            return one(Ops.groupNorm(x, scale, bias, groups, eps));
        };
    }

    /** LayerNormalization over the axes from {@code axis} on (the Mean and InvStdDev outputs are not supported). */
    static OnnxKernel layerNorm(OnnxNode n) {
        float eps = n.f("epsilon", 1e-5f);
        long axis = n.i("axis", -1);
        if (extraOutputs(n)) throw n.unsupported("LayerNormalization's Mean and InvStdDev outputs are not supported");
        return (t, in) -> {
            Tensor x = in[0], scale = in[1], bias = in(in, 2);
            int a = (int) (axis < 0 ? axis + x.rank() : axis), size = 1;
            int[] tail = java.util.Arrays.copyOfRange(x.shape(), a, x.rank());
            for (int d : tail) size *= d;
            if (scale.size() != size) scale = Ops.expand(scale, tail);
            if (bias != null && bias.size() != size) bias = Ops.expand(bias, tail);
            return one(Ops.layerNorm(x, Ops.reshape(scale, size), bias == null ? null : Ops.reshape(bias, size), size, eps));
        };
    }

    static OnnxKernel lrn(OnnxNode n) {
        int size = (int) n.i("size", 0);
        if (size < 1) throw n.invalid("LRN needs size >= 1");
        float alpha = n.f("alpha", 1e-4f), beta = n.f("beta", 0.75f), bias = n.f("bias", 1f);
        return (t, in) -> one(Ops.localResponseNorm(in[0], size, alpha, beta, bias));
    }

    private static Tensor perChannel(Tensor v, int groups, int c) {
        return Ops.reshape(Ops.expand(Ops.reshape(v, groups, 1), groups, c / groups), c);
    }

    /** Whether an output past the first is used. */
    private static boolean extraOutputs(OnnxNode n) {
        for (int k = 1; k < n.outputCount(); k++) if (n.hasOutput(k)) return true;
        return false;
    }
}
