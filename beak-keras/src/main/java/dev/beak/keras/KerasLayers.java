package dev.beak.keras;

import dev.beak.keras.KerasGraphBuilder.Sym;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.ActivationLayer;
import dev.beak.nn.layer.Add;
import dev.beak.nn.layer.ClippedRelu;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Crop2d;
import dev.beak.nn.layer.Dropout;
import dev.beak.nn.layer.Elu;
import dev.beak.nn.layer.GlobalPool;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LeakyRelu;
import dev.beak.nn.layer.Merge;
import dev.beak.nn.layer.Permute;
import dev.beak.nn.layer.Rescale;
import dev.beak.nn.layer.Reshape;
import dev.beak.nn.layer.SpatialDropout;
import dev.beak.nn.layer.Upsample2d;
import dev.beak.nn.layer.ZeroPad2d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one table of Keras layer classes Beak imports, each with its converter. Convolutions, Dense and
 * the normalisations (which carry weights) are in {@link KerasWeightedLayers}.
 */
final class KerasLayers {
    /** One call of a Keras layer being converted: its inputs as Beak holds them. */
    record Call(KerasGraphBuilder builder, KerasLayer layer, List<KerasLayer> scope, List<Sym> inputs) {
        KerasConfig config() {
            return new KerasConfig(layer);
        }

        /** Input {@code i}, any pending Flatten emitted in Keras' order. */
        Sym input(int i) {
            if (i >= inputs.size()) throw new KerasFormatException("layer " + layer.name() + " (" + layer.className() + ") has " + inputs.size() + " inputs, needs " + (i + 1));
            return builder.materialize(inputs.get(i));
        }

        Sym[] all() {
            if (inputs.isEmpty()) throw new KerasFormatException("layer " + layer.name() + " (" + layer.className() + ") has no inputs");
            return inputs.stream().map(builder::materialize).toArray(Sym[]::new);
        }

        Sym emit(LayerSpec spec, Sym... in) {
            return builder.emit(layer.name(), spec, List.of(), in);
        }

        /** The layer's arrays, checked against {@code expected} variable names in Keras' order. */
        List<KerasArray> arrays(List<String> expected) {
            List<KerasArray> got = builder.arrays(scope, layer);
            if (got.size() != expected.size()) {
                throw new KerasFormatException("layer " + layer.name() + " (" + layer.className() + ") needs weights " + expected + ", the file has "
                        + got.size() + (got.isEmpty() ? "" : ": " + got.stream().map(KerasArray::name).toList()));
            }
            if (builder.namedArrays()) {
                for (int i = 0; i < got.size(); i++) {
                    if (!KerasWeights.variable(got.get(i).name()).equals(expected.get(i))) {
                        throw new KerasFormatException("layer " + layer.name() + ": weight " + i + " is " + got.get(i).name() + ", expected " + expected.get(i));
                    }
                }
            }
            return got;
        }
    }

    private static final Map<String, Function<Call, Sym>> TABLE = Map.ofEntries(
            Map.entry("Dense", KerasWeightedLayers::dense),
            Map.entry("Conv2D", KerasWeightedLayers::conv2d),
            Map.entry("Conv1D", KerasWeightedLayers::conv1d),
            Map.entry("Embedding", KerasWeightedLayers::embedding),
            Map.entry("DepthwiseConv2D", KerasWeightedLayers::depthwise),
            Map.entry("SeparableConv2D", KerasWeightedLayers::separable),
            Map.entry("Conv2DTranspose", KerasWeightedLayers::transposed),
            Map.entry("BatchNormalization", KerasWeightedLayers::batchNorm),
            Map.entry("PReLU", KerasWeightedLayers::prelu),
            Map.entry("MaxPooling2D", c -> KerasPooling.pool2d(c, true)),
            Map.entry("AveragePooling2D", c -> KerasPooling.pool2d(c, false)),
            Map.entry("MaxPooling1D", c -> KerasPooling.pool1d(c, true)),
            Map.entry("AveragePooling1D", c -> KerasPooling.pool1d(c, false)),
            Map.entry("GlobalAveragePooling2D", c -> global(c, GlobalPool.Reduction.AVG)),
            Map.entry("GlobalAveragePooling1D", c -> global(c, GlobalPool.Reduction.AVG)),
            Map.entry("GlobalMaxPooling2D", c -> global(c, GlobalPool.Reduction.MAX)),
            Map.entry("GlobalMaxPooling1D", c -> global(c, GlobalPool.Reduction.MAX)),
            Map.entry("GlobalMaxPool2D", c -> global(c, GlobalPool.Reduction.MAX)),
            Map.entry("GlobalAvgPool2D", c -> global(c, GlobalPool.Reduction.AVG)),
            Map.entry("Flatten", KerasLayers::flatten),
            Map.entry("Dropout", KerasLayers::dropout),
            Map.entry("SpatialDropout1D", c -> c.emit(new SpatialDropout(c.config().number("rate", 0f)), c.input(0))),
            Map.entry("SpatialDropout2D", c -> c.emit(new SpatialDropout(c.config().number("rate", 0f)), c.input(0))),
            Map.entry("Activation", c -> activation(c, c.config().activation())),
            Map.entry("ReLU", KerasLayers::relu),
            Map.entry("LeakyReLU", c -> c.emit(new LeakyRelu(c.config().number("negative_slope", c.config().number("alpha", 0.3f))), c.input(0))),
            Map.entry("ELU", c -> c.emit(new Elu(c.config().number("alpha", 1f)), c.input(0))),
            Map.entry("Softmax", KerasLayers::softmax),
            Map.entry("Add", c -> c.emit(new Add(), c.all())),
            Map.entry("Subtract", c -> c.emit(new Merge(Merge.Kind.SUBTRACT), c.all())),
            Map.entry("Multiply", c -> c.emit(new Merge(Merge.Kind.MULTIPLY), c.all())),
            Map.entry("Average", c -> c.emit(new Merge(Merge.Kind.AVERAGE), c.all())),
            Map.entry("Maximum", c -> c.emit(new Merge(Merge.Kind.MAXIMUM), c.all())),
            Map.entry("Minimum", c -> c.emit(new Merge(Merge.Kind.MINIMUM), c.all())),
            Map.entry("Concatenate", KerasLayers::concatenate),
            Map.entry("ZeroPadding2D", c -> {
                int[] p = KerasPooling.fourSides(c.config(), "padding");
                return c.emit(new ZeroPad2d(p[0], p[1], p[2], p[3]), c.input(0));
            }),
            Map.entry("Cropping2D", c -> {
                int[] p = KerasPooling.fourSides(c.config(), "cropping");
                return c.emit(new Crop2d(p[0], p[1], p[2], p[3]), c.input(0));
            }),
            Map.entry("UpSampling2D", KerasLayers::upsample),
            Map.entry("Reshape", KerasLayers::reshape),
            Map.entry("Permute", KerasLayers::permute),
            Map.entry("Rescaling", c -> c.emit(new Rescale(c.config().number("scale", 1f), c.config().number("offset", 0f)), c.input(0))));

    private KerasLayers() {}

    /** The Keras classes this importer converts. */
    static java.util.Set<String> classes() {
        return new java.util.TreeSet<>(TABLE.keySet());
    }

    static Sym convert(Call c) {
        Function<Call, Sym> f = TABLE.get(c.layer().className());
        if (f == null) {
            String cls = c.layer().className();
            String why = cls.equals("Lambda") ? "a Lambda layer holds Python code, which cannot be imported"
                    : "Beak has no converter for this class (custom layers cannot be imported; supported: " + String.join(", ", classes()) + ")";
            throw new KerasFormatException("layer " + c.layer().name() + " (" + cls + "): " + why);
        }
        try {
            return f.apply(c);
        } catch (IllegalArgumentException e) {
            throw new KerasFormatException("layer " + c.layer().name() + " (" + c.layer().className() + "): " + e.getMessage());
        }
    }

    private static Sym global(Call c, GlobalPool.Reduction r) {
        c.config().requireChannelsLast();
        return c.emit(new GlobalPool(r, c.config().bool("keepdims", false)), c.input(0));
    }

    private static Sym flatten(Call c) {
        Sym in = c.inputs().get(0);
        if (in.pending() == null && in.shape().length < 2) return c.emit(new dev.beak.nn.layer.Flatten(), in);
        return new Sym(-1, new int[] {dev.beak.tensor.Shape.size(in.shape())}, in, c.layer().name());
    }

    private static Sym dropout(Call c) {
        float rate = c.config().number("rate", 0f);
        Sym in = c.inputs().get(0);
        if (in.pending() != null) return new Sym(-1, in.shape(), c.builder().emit(c.layer().name(), new Dropout(rate), List.of(), c.builder().materialize(in.pending())), in.flattenName());
        return c.emit(new Dropout(rate), in);
    }

    /** An activation, over the channel axis when it normalises (softmax) and the input is a map. */
    static Sym activation(Call c, Activation a) {
        Sym in = c.inputs().get(0);
        boolean axisWise = a == Activation.SOFTMAX || a == Activation.LOG_SOFTMAX;
        if (in.pending() != null && !axisWise) {
            Sym applied = c.builder().emit(c.layer().name(), new ActivationLayer(a), List.of(), c.builder().materialize(in.pending()));
            return new Sym(-1, in.shape(), applied, in.flattenName());
        }
        return applyActivation(c.builder(), c.layer().name(), a, c.builder().materialize(in));
    }

    /** {@code a} applied to {@code in} as node {@code name}; softmax of a map moves channels last and back. */
    static Sym applyActivation(KerasGraphBuilder b, String name, Activation a, Sym in) {
        if (a == Activation.LINEAR) return in;
        int r = in.shape().length;
        if ((a == Activation.SOFTMAX || a == Activation.LOG_SOFTMAX) && r >= 2) {
            Sym last = b.emit(name + "_channels_last", new Permute(KerasLayout.toKerasPerm(r)), List.of(), in);
            Sym y = b.emit(name, new ActivationLayer(a), List.of(), last);
            return b.emit(name + "_channels_first", new Permute(KerasLayout.toBeakPerm(r)), List.of(), y);
        }
        return b.emit(name, new ActivationLayer(a), List.of(), in);
    }

    private static Sym relu(Call c) {
        KerasConfig k = c.config();
        float slope = k.number("negative_slope", 0f), threshold = k.number("threshold", 0f);
        Float max = k.has("max_value") ? k.number("max_value", 0f) : null;
        if (threshold != 0f) throw k.bad("threshold", "is " + threshold + "; Beak imports ReLU with threshold 0 only");
        if (slope == 0f && max == null) return activation(c, Activation.RELU);
        if (slope == 0f && max == 6f) return activation(c, Activation.RELU6);
        if (max == null) return c.emit(new LeakyRelu(slope), c.input(0));
        return c.emit(new ClippedRelu(slope, max), c.input(0));
    }

    private static Sym softmax(Call c) {
        Sym in = c.input(0);
        int axis = c.config().node("axis") != null && c.config().node("axis").isArray() ? c.config().node("axis").get(0).asInt() : c.config().integer("axis", -1);
        int r = in.shape().length;
        if (axis != -1 && axis != r) throw c.config().bad("axis", "is " + axis + "; Beak imports softmax over the last (channel) axis");
        return applyActivation(c.builder(), c.layer().name(), Activation.SOFTMAX, in);
    }

    private static Sym concatenate(Call c) {
        Sym[] in = c.all();
        int r = in[0].shape().length, axis = c.config().integer("axis", -1);
        int sampleAxis = axis < 0 ? r + axis : axis - 1;
        if (sampleAxis < 0 || sampleAxis >= r) throw c.config().bad("axis", "is " + axis + " for samples of rank " + r);
        return c.emit(new Concat(KerasLayout.beakAxis(sampleAxis, r)), in);
    }

    private static Sym upsample(Call c) {
        c.config().requireChannelsLast();
        int[] size = c.config().ints("size", 2, new int[] {2, 2});
        String mode = c.config().text("interpolation", "nearest");
        if (!mode.equals("nearest") && !mode.equals("bilinear")) throw c.config().bad("interpolation", "is " + mode + "; Beak imports nearest and bilinear");
        return c.emit(new Upsample2d(size[0], size[1], mode.equals("bilinear")), c.input(0));
    }

    /** Keras reshapes in channels-last order: to channels-last, reshape, back to channels-first. */
    private static Sym reshape(Call c) {
        Sym in = c.input(0);
        var target = c.config().node("target_shape");
        if (target == null || !target.isArray()) throw c.config().bad("target_shape", "is missing");
        int[] shape = new int[target.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = target.get(i).isNull() ? -1 : target.get(i).asInt();   // TF.js writes -1 as null
        KerasGraphBuilder b = c.builder();
        String name = c.layer().name();
        if (in.shape().length >= 2) in = b.emit(name + "_channels_last", new Permute(KerasLayout.toKerasPerm(in.shape().length)), List.of(), in);
        Sym y = b.emit(name, new Reshape(shape), List.of(), in);
        return y.shape().length >= 2 ? b.emit(name + "_channels_first", new Permute(KerasLayout.toBeakPerm(y.shape().length)), List.of(), y) : y;
    }

    /** Keras' dims (1-based, channels-last) as a permutation of Beak's channels-first axes. */
    private static Sym permute(Call c) {
        Sym in = c.input(0);
        var dims = c.config().node("dims");
        int r = in.shape().length;
        if (dims == null || dims.size() != r) throw c.config().bad("dims", "must list " + r + " axes");
        int[] keras = new int[r];
        for (int i = 0; i < r; i++) keras[i] = dims.get(i).asInt() - 1;
        int[] perm = new int[r];
        // Beak output axis j is Keras output axis kOut; it reads Keras input axis keras[kOut], which Beak holds at beakAxis(...).
        for (int j = 0; j < r; j++) {
            int kOut = j == 0 ? r - 1 : j - 1;
            perm[j] = KerasLayout.beakAxis(keras[kOut], r);
        }
        return c.emit(new Permute(perm), in);
    }

    static List<float[]> list(float[]... arrays) {
        List<float[]> l = new ArrayList<>();
        for (float[] a : arrays) if (a != null) l.add(a);
        return l;
    }
}
