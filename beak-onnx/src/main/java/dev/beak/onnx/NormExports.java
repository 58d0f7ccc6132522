package dev.beak.onnx;

import dev.beak.nn.layer.BatchNorm;
import dev.beak.nn.layer.GroupNorm;
import dev.beak.nn.layer.InstanceNorm;
import dev.beak.nn.layer.LayerNorm;
import dev.beak.nn.layer.LocalResponseNorm;

import java.util.Arrays;
import java.util.List;

/** Normalisation layers as ONNX nodes; batch norm in its inference form (running statistics). */
final class NormExports {
    private NormExports() {}

    static void batchNorm(BatchNorm b, ExportStep s) {
        s.graph().node("BatchNormalization", List.of(s.in(), s.initializer("weight"), s.initializer("bias"),
                s.initializer("running_mean"), s.initializer("running_var")), List.of(s.out()), "epsilon", b.epsilon());
    }

    static void instanceNorm(InstanceNorm n, ExportStep s) {
        s.graph().node("InstanceNormalization", List.of(s.in(), s.initializer("weight"), s.initializer("bias")), List.of(s.out()),
                "epsilon", n.epsilon());
    }

    /** LayerNormalization (opset 17) over the last {@code axes} axes, or all but the batch axis for 0. */
    static void layerNorm(LayerNorm n, ExportStep s) {
        int axis = n.axes() == 0 ? 1 : s.rank() - n.axes();
        s.graph().node("LayerNormalization", List.of(s.in(), s.initializer("weight"), s.initializer("bias")), List.of(s.out()),
                "axis", axis, "epsilon", n.epsilon());
    }

    static void lrn(LocalResponseNorm n, ExportStep s) {
        s.graph().unary("LRN", s.in(), s.out(), "size", n.size(), "alpha", n.alpha(), "beta", n.beta(), "bias", n.k());
    }

    /**
     * Group norm written with ops whose meaning no opset changed (GroupNormalization's scale changed
     * from per group to per channel at opset 21): (N, C, *) reshaped to (N, G, -1), instance-normalised
     * with unit scale, reshaped back, then scaled and shifted per channel.
     */
    static void groupNorm(GroupNorm n, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        int[] in = s.shape(0);
        int groups = n.groups();
        float[] ones = new float[groups], zeros = new float[groups];
        Arrays.fill(ones, 1f);
        String grouped = s.temp("grouped"), normed = s.temp("normed"), back = s.temp("ungrouped"), scaled = s.temp("scaled");
        g.node("Reshape", List.of(s.in(), g.int64s(s.name() + ".group_shape", 0, groups, -1)), List.of(grouped));
        g.node("InstanceNormalization", List.of(grouped, g.floats(s.name() + ".unit", ones, groups), g.floats(s.name() + ".zero", zeros, groups)),
                List.of(normed), "epsilon", n.epsilon());
        long[] shape = new long[in.length + 1];
        for (int d = 0; d < in.length; d++) shape[d + 1] = in[d];
        g.node("Reshape", List.of(normed, g.int64s(s.name() + ".shape", shape)), List.of(back));
        int[] perChannel = new int[in.length];
        Arrays.fill(perChannel, 1);
        perChannel[0] = in[0];
        g.node("Mul", List.of(back, g.floats(s.name() + ".weight", s.tensor("weight").data(), perChannel)), List.of(scaled));
        g.node("Add", List.of(scaled, g.floats(s.name() + ".bias", s.tensor("bias").data(), perChannel)), List.of(s.out()));
    }
}
