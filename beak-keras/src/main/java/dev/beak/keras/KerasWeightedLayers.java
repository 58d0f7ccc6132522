package dev.beak.keras;

import dev.beak.keras.KerasGraphBuilder.Sym;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.BatchNorm;
import dev.beak.nn.layer.Conv1d;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.ConvTranspose2d;
import dev.beak.nn.layer.Dense;
import dev.beak.nn.layer.Embedding;
import dev.beak.nn.layer.Initializer;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.layer.PRelu;
import dev.beak.nn.layer.PReluNd;
import dev.beak.ops.Padding;
import dev.beak.tensor.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keras layers with weights, their kernels turned from channels-last to Beak's layouts:
 * Conv2D (kH, kW, C/g, F) -> (F, C/g, kH, kW); Conv1D (k, C/g, F) -> (F, C/g, k); DepthwiseConv2D
 * (kH, kW, C, m) -> (C*m, 1, kH, kW); Conv2DTranspose (kH, kW, F, C) -> (C, F, kH, kW); Dense keeps
 * (In, Out), its rows permuted after a held-back Flatten; Embedding keeps its (V, D) table.
 */
final class KerasWeightedLayers {
    private KerasWeightedLayers() {}

    private static List<String> kernelAndBias(KerasConfig k, String... kernels) {
        List<String> names = new ArrayList<>(List.of(kernels));
        if (k.bool("use_bias", true)) names.add("bias");
        return names;
    }

    static Sym dense(KerasLayers.Call c) {
        KerasConfig k = c.config();
        List<KerasArray> w = c.arrays(kernelAndBias(k, "kernel"));
        Sym in = c.inputs().get(0);
        Sym[] flat = new Sym[1];
        if (w.get(0).shape().length != 2) throw k.bad("kernel", "has shape " + Shape.toString(w.get(0).shape()) + "; a Dense kernel has 2 axes");
        int[] order = c.builder().flattenForDense(in, flat, w.get(0).shape()[0], c.layer().name());
        in = order == null ? c.input(0) : flat[0];
        if (in.shape().length != 1) throw k.bad("input", "has rank " + in.shape().length + "; Beak imports Dense on vectors only");
        KerasArray kernel = w.get(0);
        float[] rows = kernel.data();
        if (order != null) {
            int units = kernel.shape()[1];
            rows = new float[kernel.data().length];
            for (int r = 0; r < order.length; r++) System.arraycopy(kernel.data(), order[r] * units, rows, r * units, units);
        }
        boolean bias = w.size() > 1;
        Dense spec = new Dense(k.integer("units", -1), Activation.LINEAR, bias);
        return c.builder().emit(c.layer().name(), spec.withActivation(k.activation()), KerasLayers.list(rows, bias ? w.get(1).data() : null), in);
    }

    static Sym conv2d(KerasLayers.Call c) {
        KerasConfig k = c.config();
        k.requireChannelsLast();
        List<KerasArray> w = c.arrays(kernelAndBias(k, "kernel"));
        int[] size = k.ints("kernel_size", 2, null), stride = k.ints("strides", 2, new int[] {1, 1}), dilation = k.ints("dilation_rate", 2, new int[] {1, 1});
        boolean bias = w.size() > 1;
        Conv2d spec = new Conv2d(k.integer("filters", -1), size[0], size[1], stride[0], stride[1], dilation[0], dilation[1], k.padding(), bias,
                Activation.LINEAR, k.integer("groups", 1), Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
        return withActivation(c, spec, KerasLayers.list(w.get(0).transposed(3, 2, 0, 1).data(), bias ? w.get(1).data() : null));
    }

    static Sym conv1d(KerasLayers.Call c) {
        KerasConfig k = c.config();
        k.requireChannelsLast();
        List<KerasArray> w = c.arrays(kernelAndBias(k, "kernel"));
        int size = k.ints("kernel_size", 1, null)[0], stride = k.ints("strides", 1, new int[] {1})[0], dilation = k.ints("dilation_rate", 1, new int[] {1})[0];
        String p = k.text("padding", "valid");
        Padding padding = p.equals("causal") ? new Padding.Explicit(0, 0, dilation * (size - 1), 0) : k.padding();
        boolean bias = w.size() > 1;
        Conv1d spec = new Conv1d(k.integer("filters", -1), size, stride, dilation, padding, k.integer("groups", 1), bias, Activation.LINEAR,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
        return withActivation(c, spec, KerasLayers.list(w.get(0).transposed(2, 1, 0).data(), bias ? w.get(1).data() : null));
    }

    /**
     * Embedding: Keras' (V, D) table is Beak's; ids (L) give (D, L), Keras' (L, D) channels-first, as a
     * Conv1D or 1-d pooling after it expects. {@code mask_zero} changes no output, as in TF.js (whose
     * Conv1D and global pooling ignore the mask), so row 0 is an ordinary, trainable row.
     */
    static Sym embedding(KerasLayers.Call c) {
        KerasConfig k = c.config();
        KerasArray table = c.arrays(List.of("embeddings")).get(0);
        int vocabulary = k.integer("input_dim", -1), dimension = k.integer("output_dim", -1);
        if (table.shape().length != 2 || table.shape()[0] != vocabulary || table.shape()[1] != dimension) {
            throw k.bad("embeddings", "has shape " + Arrays.toString(table.shape()) + ", expected [" + vocabulary + ", " + dimension + "]");
        }
        Sym ids = c.input(0);
        if (ids.shape().length != 1) throw k.bad("input", "has per-sample rank " + ids.shape().length + "; Beak imports Embedding on sequences of ids (L)");
        Embedding spec = Layers.embedding(vocabulary, dimension);
        return c.builder().emit(c.layer().name(), spec, KerasLayers.list(table.data()), ids);
    }

    /** Depthwise kernel (kH, kW, C, m) as a grouped convolution's (C*m, 1, kH, kW): output channel c*m + j. */
    private static float[] depthwiseKernel(KerasArray kernel) {
        int[] s = kernel.shape();
        return kernel.transposed(2, 3, 0, 1).reshaped(s[2] * s[3], 1, s[0], s[1]).data();
    }

    static Sym depthwise(KerasLayers.Call c) {
        KerasConfig k = c.config();
        k.requireChannelsLast();
        List<KerasArray> w = c.arrays(kernelAndBias(k, "depthwise_kernel"));
        int[] size = k.ints("kernel_size", 2, null), stride = k.ints("strides", 2, new int[] {1, 1}), dilation = k.ints("dilation_rate", 2, new int[] {1, 1});
        int channels = c.input(0).shape()[0], m = k.integer("depth_multiplier", 1);
        boolean bias = w.size() > 1;
        Conv2d spec = new Conv2d(channels * m, size[0], size[1], stride[0], stride[1], dilation[0], dilation[1], k.padding(), bias,
                Activation.LINEAR, channels, Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
        return withActivation(c, spec, KerasLayers.list(depthwiseKernel(w.get(0)), bias ? w.get(1).data() : null));
    }

    /** SeparableConv2D: a depthwise convolution (node {@code <name>_depthwise}) then a pointwise one with the bias and activation. */
    static Sym separable(KerasLayers.Call c) {
        KerasConfig k = c.config();
        k.requireChannelsLast();
        List<KerasArray> w = c.arrays(kernelAndBias(k, "depthwise_kernel", "pointwise_kernel"));
        int[] size = k.ints("kernel_size", 2, null), stride = k.ints("strides", 2, new int[] {1, 1}), dilation = k.ints("dilation_rate", 2, new int[] {1, 1});
        int channels = c.input(0).shape()[0], m = k.integer("depth_multiplier", 1);
        Conv2d depth = new Conv2d(channels * m, size[0], size[1], stride[0], stride[1], dilation[0], dilation[1], k.padding(), false,
                Activation.LINEAR, channels, Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
        Sym d = c.builder().emit(c.layer().name() + "_depthwise", depth, KerasLayers.list(depthwiseKernel(w.get(0))), c.input(0));
        boolean bias = w.size() > 2;
        Conv2d point = new Conv2d(k.integer("filters", -1), 1, 1, 1, 1, 1, 1, Padding.VALID, bias, Activation.LINEAR, 1,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
        float[] pw = w.get(1).transposed(3, 2, 0, 1).data();
        return withActivation(c, point, KerasLayers.list(pw, bias ? w.get(2).data() : null), d);
    }

    /**
     * Conv2DTranspose: "valid" gives {@code H*s + max(k - s, 0)} rows, "same" {@code H*s}, cropping
     * {@code k - s} rows split as TensorFlow pads the matching convolution (the odd row at the end).
     */
    static Sym transposed(KerasLayers.Call c) {
        KerasConfig k = c.config();
        k.requireChannelsLast();
        List<KerasArray> w = c.arrays(kernelAndBias(k, "kernel"));
        int[] size = k.ints("kernel_size", 2, null), stride = k.ints("strides", 2, new int[] {1, 1}), dilation = k.ints("dilation_rate", 2, new int[] {1, 1});
        if (dilation[0] != 1 || dilation[1] != 1) throw k.bad("dilation_rate", "is not 1; Beak imports undilated Conv2DTranspose");
        if (k.has("output_padding")) throw k.bad("output_padding", "is set; Beak imports Conv2DTranspose without it");
        boolean same = k.padding() instanceof Padding.Same;
        int[] crop = new int[4], extra = new int[2];
        for (int a = 0; a < 2; a++) {
            int total = Math.max(size[a] - stride[a], 0);
            if (same) {
                crop[2 * a] = total / 2;
                crop[2 * a + 1] = total - total / 2;
            }
            extra[a] = Math.max(stride[a] - size[a], 0);
        }
        boolean bias = w.size() > 1;
        ConvTranspose2d spec = new ConvTranspose2d(k.integer("filters", -1), size[0], size[1], stride[0], stride[1], 1, 1,
                new Padding.Explicit(crop[0], crop[1], crop[2], crop[3]), extra[0], extra[1], 1, bias, Activation.LINEAR,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
        return withActivation(c, spec, KerasLayers.list(w.get(0).transposed(3, 2, 0, 1).data(), bias ? w.get(1).data() : null));
    }

    private static Sym withActivation(KerasLayers.Call c, dev.beak.nn.layer.LayerSpec spec, List<float[]> weights, Sym... in) {
        Activation a = c.config().activation();
        Sym input = in.length == 0 ? c.input(0) : in[0];
        boolean axisWise = a == Activation.SOFTMAX || a == Activation.LOG_SOFTMAX;
        dev.beak.nn.layer.LayerSpec fused = axisWise ? spec : switch (spec) {
            case Conv2d s -> s.withActivation(a);
            case Conv1d s -> s.withActivation(a);
            case ConvTranspose2d s -> new ConvTranspose2d(s.filters(), s.kernelH(), s.kernelW(), s.strideH(), s.strideW(), s.dilationH(), s.dilationW(),
                    s.padding(), s.outputPaddingH(), s.outputPaddingW(), s.groups(), s.useBias(), a, s.kernelInitializer(), s.biasInitializer());
            default -> spec;
        };
        Sym y = c.builder().emit(c.layer().name(), fused, weights, input);
        return axisWise ? KerasLayers.applyActivation(c.builder(), c.layer().name() + "_" + a.configName(), a, y) : y;
    }

    static Sym batchNorm(KerasLayers.Call c) {
        KerasConfig k = c.config();
        Sym in = c.input(0);
        int r = in.shape().length;
        var axisNode = k.node("axis");
        int axis = axisNode == null ? -1 : axisNode.isArray() ? axisNode.get(0).asInt() : axisNode.asInt();
        if (axis != -1 && axis != r) throw k.bad("axis", "is " + axis + "; Beak normalises the channel (last) axis");
        boolean scale = k.bool("scale", true), center = k.bool("center", true);
        List<String> names = new ArrayList<>();
        if (scale) names.add("gamma");
        if (center) names.add("beta");
        names.add("moving_mean");
        names.add("moving_variance");
        List<KerasArray> w = c.arrays(names);
        int ch = in.shape()[0], i = 0;
        float[] gamma = scale ? w.get(i++).data() : filled(ch, 1f), beta = center ? w.get(i++).data() : filled(ch, 0f);
        float momentum = 1f - k.number("momentum", 0.99f), eps = k.number("epsilon", 1e-3f);
        BatchNorm spec = new BatchNorm(r == 3 ? 2 : 1, Math.max(0f, Math.min(1f, momentum)), eps);
        return c.builder().emit(c.layer().name(), spec, KerasLayers.list(gamma, beta, w.get(i).data(), w.get(i + 1).data()), in);
    }

    /** PReLU: slopes of the sample's (channels-last) shape, shared axes of size 1; per channel only when all positions share. */
    static Sym prelu(KerasLayers.Call c) {
        Sym in = c.input(0);
        KerasArray alpha = c.arrays(List.of("alpha")).get(0);
        int r = in.shape().length;
        KerasArray a = alpha.rank() == r ? alpha.transposed(KerasLayout.toBeakPerm(r)) : alpha;
        int[] s = a.shape();
        boolean perChannel = s.length >= 1;
        for (int i = 1; i < s.length; i++) perChannel &= s[i] == 1;
        if (perChannel && r >= 1) return c.builder().emit(c.layer().name(), new PRelu(s[0] == 1 && in.shape()[0] != 1, 0.25f), KerasLayers.list(a.data()), in);
        return c.builder().emit(c.layer().name(), new PReluNd(s, 0.25f), KerasLayers.list(a.data()), in);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
