package dev.beak.cli;

import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.onnx.OnnxImporter;
import dev.beak.keras.KerasImporter;
import dev.beak.nn.Model;
import dev.beak.nn.ModelProfile;
import dev.beak.nn.Sequential;
import dev.beak.nn.zoo.SeedNetworks;
import dev.beak.nn.zoo.Zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a model argument: a named example network ({@code mnist}, {@code cifar}), a zoo network ({@code vgg16}, ...) or a model file. */
final class ModelSource {
    static final String NAMES = "mnist (seed-002 MNIST CNN), cifar (seed-003 CIFAR-10 CNN), a zoo network (beak zoo lists them: lenet5, alexnet, "
            + "vgg16, resnet50, ...), a .beak model file, an .onnx model or a Keras model (.h5, .keras, TF.js model.json)";

    private ModelSource() {}

    static boolean isNamed(String arg) {
        return arg.equals("mnist") || arg.equals("cifar") || Zoo.contains(arg);
    }

    /** True for a .beak model file argument (not a named network, not ONNX or Keras): one with stored data settings. */
    static boolean isModelFile(String arg) {
        return !isNamed(arg) && !arg.endsWith(".onnx") && !isKeras(arg);
    }

    /** True for a Keras model file argument: .h5, .keras or a TF.js model.json. */
    static boolean isKeras(String arg) {
        return !isNamed(arg) && KerasImporter.handles(Path.of(arg));
    }

    /** A fresh named network (seeded) or the model stored in a file. */
    static Model resolve(String arg, long seed) throws IOException {
        return switch (arg) {
            case "mnist" -> build(SeedNetworks.mnist(), seed, SeedNetworks.mnistInput());
            case "cifar" -> build(SeedNetworks.cifar(), seed, SeedNetworks.cifarInput());
            default -> Zoo.contains(arg) ? Zoo.get(arg).build(Zoo.get(arg).defaults().withSeed(seed))
                    : arg.endsWith(".onnx") ? OnnxImporter.load(Path.of(arg)).model()
                    : isKeras(arg) ? KerasImporter.load(Path.of(arg)) : load(arg).model();
        };
    }

    /** The same, where a zoo network takes the classes, input shape and width of {@code network}. */
    static Model resolve(String arg, long seed, NetworkArgs network) throws IOException {
        if (Zoo.contains(arg)) return Zoo.get(arg).build(network.options(Zoo.get(arg), seed));
        network.requireNone(arg);
        return resolve(arg, seed);
    }

    /** The memory and multiply-add table of the model; a zoo network's is worked out without allocating its weights. */
    static ModelProfile profile(String arg, NetworkArgs network) throws IOException {
        if (Zoo.contains(arg)) return Zoo.get(arg).profile(network.options(Zoo.get(arg), 0));
        return resolve(arg, 0, network).profile();
    }

    static SavedModel load(String arg) throws IOException {
        Path p = Path.of(arg);
        if (!Files.exists(p)) throw new IllegalArgumentException("\"" + arg + "\" is neither a model file nor a known network: " + NAMES);
        return ModelFile.load(p);
    }

    /** A .beak file, or an .onnx or Keras model as a file without preprocessing, input geometry or class names. */
    static SavedModel loadAny(String arg) throws IOException {
        if (isKeras(arg)) return new SavedModel(KerasImporter.load(Path.of(arg)), java.util.Map.of());
        if (!arg.endsWith(".onnx")) return load(arg);
        if (!Files.exists(Path.of(arg))) throw new IllegalArgumentException("\"" + arg + "\": no such ONNX file");
        return new SavedModel(OnnxImporter.load(Path.of(arg)).model(), java.util.Map.of());
    }

    private static Model build(Sequential s, long seed, int[] input) {
        return s.seed(seed).withInputShape(input);
    }
}
