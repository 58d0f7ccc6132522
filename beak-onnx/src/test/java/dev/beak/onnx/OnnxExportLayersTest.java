package dev.beak.onnx;

import dev.beak.nn.Functional;
import dev.beak.nn.GraphNode;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.ConvTranspose2d;
import dev.beak.nn.layer.Dense;
import dev.beak.nn.layer.Initializer;
import dev.beak.nn.layer.LayerNorm;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LayerTypes;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.layer.LpPool2d;
import dev.beak.nn.layer.PRelu;
import dev.beak.nn.layer.ClippedRelu;
import dev.beak.nn.layer.Crop2d;
import dev.beak.nn.layer.Embedding;
import dev.beak.nn.layer.Merge;
import dev.beak.nn.layer.PReluNd;
import dev.beak.nn.layer.PaddingMask;
import dev.beak.nn.layer.Permute;
import dev.beak.nn.layer.Rescale;
import dev.beak.nn.layer.Reshape;
import dev.beak.nn.layer.SpatialDropout;
import dev.beak.nn.layer.Upsample2d;
import dev.beak.nn.layer.ZeroPad2d;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Beak layer type exported to ONNX and run in ONNX Runtime gives Beak's outputs (within 1e-5
 * of the largest output), at batch 3 although the file was written for any batch.
 */
class OnnxExportLayersTest {
    static Map<String, Model> cases() {
        Map<String, Model> m = new LinkedHashMap<>();
        m.put("conv2d same stride 2 relu", seq(new int[] {3, 9, 8}, Layers.conv2d(4, 3).withPadding(Padding.SAME).withStride(2).withActivation(Activation.RELU)));
        m.put("conv2d dilated grouped no bias tanh", seq(new int[] {4, 9, 9}, Layers.conv2d(4, 3).withDilation(2).withGroups(2).withBias(false).withActivation(Activation.TANH)));
        m.put("conv2d explicit asymmetric padding selu", seq(new int[] {2, 6, 7}, Layers.conv2d(3, 3).withPadding(new Padding.Explicit(1, 0, 2, 1)).withActivation(Activation.SELU)));
        m.put("depthwise conv2d hard swish", seq(new int[] {3, 8, 8}, Layers.depthwiseConv2d(3, 3).withPadding(Padding.SAME).withActivation(Activation.HARD_SWISH)));
        m.put("conv1d same stride 2 softplus", seq(new int[] {3, 11}, Layers.conv1d(5, 3).withPadding(Padding.SAME).withStride(2).withActivation(Activation.SOFTPLUS)));
        m.put("conv transpose 2d", seq(new int[] {4, 5, 5}, Layers.convTranspose2d(3, 3).withStride(2).withPadding(1).withOutputPadding(1).withActivation(Activation.SIGMOID)));
        m.put("conv transpose 2d grouped dilated", seq(new int[] {4, 4, 5}, new ConvTranspose2d(4, 2, 3, 1, 2, 2, 1, new Padding.Explicit(0, 1, 1, 0), 0, 1, 2, true,
                Activation.LINEAR, Initializer.GLOROT_UNIFORM, Initializer.ZEROS)));
        m.put("conv transpose 1d grouped", seq(new int[] {4, 7}, Layers.convTranspose1d(4, 3).withStride(2).withGroups(2).withPadding(1)));
        m.put("flatten dense softmax", seq(new int[] {2, 3, 4}, Layers.flatten(), Layers.dense(7, Activation.SOFTMAX)));
        m.put("dense no bias log softmax", seq(new int[] {6}, new Dense(5, Activation.LOG_SOFTMAX, false)));
        m.put("max pool 3/2 ceil padded dilated", seq(new int[] {2, 10, 9}, Layers.maxPool2d(3).withStride(2).withCeilMode(true).withPadding(Padding.of(1)),
                Layers.maxPool2d(2).withDilation(2)));
        m.put("max pool same", seq(new int[] {2, 7, 7}, Layers.maxPool2d(2).withPadding(Padding.SAME)));
        m.put("avg pool ceil count pad", seq(new int[] {2, 8, 7}, Layers.avgPool2d(3).withStride(2).withPadding(Padding.of(1)).withCeilMode(true).withCountIncludePad(true)));
        m.put("avg pool ceil exclude pad", seq(new int[] {2, 8, 7}, Layers.avgPool2d(3).withStride(2).withPadding(Padding.of(1)).withCeilMode(true)));
        m.put("avg pool same", seq(new int[] {2, 7, 6}, Layers.avgPool2d(2).withPadding(Padding.SAME)));
        m.put("lp pool p 2", seq(new int[] {2, 7, 7}, Layers.lpPool2d(2, 3).withStride(2)));
        m.put("lp pool p 1.5 padded ceil", seq(new int[] {2, 7, 7}, new LpPool2d(1.5f, 3, 2, 2, 2, Padding.of(1), true)));
        m.put("lp pool 1d", seq(new int[] {3, 9}, Layers.lpPool1d(3, 2)));
        m.put("max and avg pool 1d", seq(new int[] {3, 10}, Layers.maxPool1d(3).withStride(2).withCeilMode(true), Layers.avgPool1d(2).withPadding(new Padding.Explicit(0, 0, 1, 1))));
        m.put("global max pool keep dims", seq(new int[] {3, 5, 4}, Layers.globalMaxPool().withKeepDims(true)));
        m.put("global avg pool", seq(new int[] {3, 5, 4}, Layers.globalAvgPool()));
        m.put("global avg pool 1d", seq(new int[] {3, 6}, Layers.globalAvgPool()));
        m.put("batch norm 2d", seq(new int[] {3, 4, 4}, Layers.batchNorm2d()));
        m.put("batch norm 1d", seq(new int[] {5}, Layers.batchNorm1d()));
        m.put("batch norm 1d sequence", seq(new int[] {3, 6}, Layers.batchNorm1d()));
        m.put("group norm", seq(new int[] {4, 5, 5}, Layers.groupNorm(2)));
        m.put("instance norm", seq(new int[] {3, 6, 6}, Layers.instanceNorm()));
        m.put("layer norm all axes", seq(new int[] {3, 4, 5}, Layers.layerNorm()));
        m.put("layer norm last two axes", seq(new int[] {3, 4, 5}, new LayerNorm(2, 1e-3f)));
        m.put("lrn", seq(new int[] {7, 4, 4}, Layers.localResponseNorm(5, 1e-2f, 0.75f, 2f)));
        for (Activation a : Activation.values()) m.put("activation " + a.configName(), seq(new int[] {3, 4}, Layers.activation(a)));
        m.put("leaky relu", seq(new int[] {3, 4, 4}, Layers.leakyRelu(0.1f)));
        m.put("elu", seq(new int[] {3, 4, 4}, Layers.elu(0.7f)));
        m.put("hard sigmoid", seq(new int[] {3, 4, 4}, Layers.hardSigmoid()));
        m.put("prelu per channel", seq(new int[] {3, 4, 4}, Layers.prelu()));
        m.put("prelu shared", seq(new int[] {3, 4, 4}, new PRelu(true, 0.1f)));
        m.put("prelu vector", seq(new int[] {5}, Layers.prelu()));
        m.put("maxout", seq(new int[] {6, 4, 4}, Layers.maxout(3)));
        m.put("maxout vector", seq(new int[] {6}, Layers.maxout(2)));
        m.put("dropout omitted", seq(new int[] {6}, Layers.dense(4), Layers.dropout(0.5f), Layers.dense(3)));
        SymbolicTensor x = Functional.input(2, 6, 6);
        SymbolicTensor a = x.then(Layers.conv2d(2, 3).withPadding(Padding.SAME)), b = x.then(Layers.conv2d(2, 1));
        SymbolicTensor y = Functional.concat(x, Functional.add(a, b, x)).then(new Concat(-1)).then(Layers.flatten()).then(Layers.dense(3));
        m.put("add and concat graph", Functional.model("graph", x, y));
        m.put("zero pad 2d", seq(new int[] {2, 5, 4}, new ZeroPad2d(1, 2, 0, 3)));
        m.put("crop 2d", seq(new int[] {2, 7, 8}, new Crop2d(1, 2, 3, 0)));
        m.put("upsample 2d nearest", seq(new int[] {2, 3, 4}, new Upsample2d(2, 3, false)));
        m.put("upsample 2d bilinear", seq(new int[] {2, 3, 4}, new Upsample2d(3, 2, true)));
        m.put("reshape with -1", seq(new int[] {2, 3, 4}, new Reshape(new int[] {-1, 6}), Layers.conv1d(2, 2)));
        m.put("permute", seq(new int[] {2, 3, 4}, new Permute(new int[] {2, 0, 1})));
        m.put("rescale", seq(new int[] {3, 4}, new Rescale(0.37f, -0.6f)));
        m.put("clipped relu", seq(new int[] {3, 4, 4}, new ClippedRelu(0f, 0.5f)));
        m.put("clipped relu negative slope", seq(new int[] {3, 4, 4}, new ClippedRelu(0.2f, 0.6f)));
        m.put("prelu nd shared axis", seq(new int[] {3, 4, 5}, new PReluNd(new int[] {3, 1, 5}, 0.25f)));
        m.put("spatial dropout omitted", seq(new int[] {3, 6}, Layers.conv1d(4, 3), new SpatialDropout(0.5f), Layers.flatten(), Layers.dense(2)));
        SymbolicTensor u = Functional.input(2, 4, 4);
        SymbolicTensor p = u.then(Layers.conv2d(2, 3).withPadding(Padding.SAME)), q = u.then(Layers.conv2d(2, 1));
        SymbolicTensor merged = Functional.concat(Functional.apply(new Merge(Merge.Kind.SUBTRACT), p, q), Functional.apply(new Merge(Merge.Kind.MULTIPLY), p, q, u),
                Functional.apply(new Merge(Merge.Kind.AVERAGE), p, q, u), Functional.apply(new Merge(Merge.Kind.MAXIMUM), p, q, u),
                Functional.apply(new Merge(Merge.Kind.MINIMUM), q, p));
        m.put("merge graph", Functional.model("merge", u, merged));
        m.put("embedding", seq(new int[] {6}, Layers.embedding(9, 3)));
        m.put("embedding masked max pool", maskedPool(Layers.globalMaxPool()));
        m.put("embedding masked avg pool keep dims", maskedPool(Layers.globalAvgPool().withKeepDims(true)));
        return m;
    }

    /** Token ids (10), vocabulary {@value #VOCABULARY} with padding index 0, pooled over the real tokens only. */
    private static Model maskedPool(LayerSpec pool) {
        SymbolicTensor ids = Functional.input(10);
        SymbolicTensor mask = ids.then(Layers.paddingMask(0));
        SymbolicTensor features = ids.then(Layers.embedding(VOCABULARY, 4).withPaddingIndex(0)).then(Layers.conv1d(5, 3).withPadding(Padding.SAME));
        return Functional.model("masked", ids, Functional.apply(pool, features, mask));
    }

    private static final int VOCABULARY = 9;

    /**
     * Normal values, or for a model reading token ids (its first layer an Embedding or PaddingMask)
     * ids in 0..{@value #VOCABULARY}-1: the first sample at random, the second all padding (0), the
     * third half padding.
     */
    private static Tensor input(Model model) {
        int[] shape = dev.beak.tensor.Shape.prepend(3, model.inputShape());
        SplittableRandom r = new SplittableRandom(11);
        LayerSpec first = model.nodes().getFirst().spec();
        if (!(first instanceof Embedding || first instanceof PaddingMask)) return Tensor.randn(r, shape);
        int len = shape[1];
        float[] ids = new float[3 * len];
        for (int i = 0; i < len; i++) {
            ids[i] = r.nextInt(VOCABULARY);
            ids[2 * len + i] = i % 2 == 0 ? 0 : 1 + r.nextInt(VOCABULARY - 1);
        }
        return Tensor.of(ids, shape);
    }

    static List<String> names() {
        return List.copyOf(cases().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void runsInOnnxRuntimeAsInBeak(String name) {
        Model model = cases().get(name);
        randomize(model, 7, true);
        Tensor x = input(model);
        Tensor beak = model.predict(x, 3);
        byte[] onnx = OnnxExporter.toProto(model).toByteArray();
        Ort.assertClose(name, Ort.run(onnx, x)[0], beak, 1e-5);
    }

    @Test
    void everyRegisteredLayerTypeHasAnExportAndATestCase() {
        Set<Class<?>> tested = new HashSet<>();
        for (Model m : cases().values()) for (GraphNode n : m.nodes()) tested.add(n.spec().getClass());
        for (String type : LayerTypes.names()) {
            Class<? extends LayerSpec> c = LayerTypes.classOf(type);
            if (c == OnnxNodeSpec.class) continue;      // written back by OnnxNodeExport (OnnxRoundTripTest)
            assertThat(tested).as("a test case with a " + type + " layer").contains(c);
            if (c != dev.beak.nn.layer.Dropout.class && c != SpatialDropout.class) assertThat(LayerExports.types()).as("an export row for " + type).contains(c);
        }
    }

    /** A user's layer record with no export row. */
    public record Doubling() implements LayerSpec {
        @Override public String baseName() { return "doubling"; }

        @Override public int[] outputShape(int[]... inputs) { return inputs[0].clone(); }

        @Override
        public dev.beak.nn.layer.Layer build(SplittableRandom rng, int[]... inputs) {
            return (dev.beak.nn.layer.Layer.Stateless) (training, x) -> dev.beak.ops.Ops.add(x[0], x[0]);
        }
    }

    @Test
    void aLayerWithoutAnOnnxFormFailsNamingItAndAnUnbuiltModelFailsToo() {
        Model model = Sequential.of(Layers.dense(4), new Doubling()).named("custom").seed(1).withInputShape(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OnnxExporter.toProto(model))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(Doubling) has no ONNX form");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OnnxExporter.toProto(Sequential.of(Layers.dense(2)).lazy()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not built");
    }

    @Test
    void aModelBuiltByABatchOfOneRunsAtBatchThree() {
        Model model = Sequential.of(Layers.conv2d(4, 3).withActivation(Activation.RELU), Layers.batchNorm2d(), Layers.flatten(), Layers.dense(5))
                .seed(2).lazy();
        SplittableRandom r = new SplittableRandom(3);
        try (var scope = dev.beak.autograd.Autograd.noGrad()) {
            model.forward(Tensor.randn(r, 1, 2, 6, 6), false);       // built by its first batch, of one sample
        }
        randomize(model, 4, true);
        byte[] onnx = OnnxExporter.toProto(model).toByteArray();
        Tensor x = Tensor.randn(r, 3, 2, 6, 6);
        Ort.assertClose("batch 3", Ort.run(onnx, x)[0], model.predict(x, 3), 1e-5);
    }

    @Test
    void theBatchAxisIsSymbolic() {
        Model model = seq(new int[] {3, 4, 4}, Layers.conv2d(2, 3));
        assertThat(Ort.inputShapes(OnnxExporter.toProto(model).toByteArray()).getFirst()).containsExactly(-1, 3, 4, 4);
    }

    /**
     * Buffers (batch-norm statistics; variances positive) and, when {@code parameters}, every parameter
     * drawn at random, so that no scale is 1 and no shift 0 by luck.
     */
    static void randomize(Model model, long seed, boolean parameters) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Map.Entry<String, Tensor> e : (parameters ? model.state() : model.buffers()).entrySet()) {
            float[] d = e.getValue().data();
            boolean positive = e.getKey().endsWith("running_var");
            for (int i = 0; i < d.length; i++) d[i] = positive ? (float) (0.5 + r.nextDouble()) : (float) (r.nextGaussian() * 0.5);
        }
    }

    private static Model seq(int[] input, LayerSpec... layers) {
        return Sequential.of(layers).seed(3).withInputShape(input);
    }
}
