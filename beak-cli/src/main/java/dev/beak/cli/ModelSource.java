package dev.beak.cli;

import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.io.onnx.OnnxImporter;
import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.zoo.SeedNetworks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a model argument: a named example network ({@code mnist}, {@code cifar}) or a model file. */
final class ModelSource {
    static final String NAMES = "mnist (seed-002 MNIST CNN), cifar (seed-003 CIFAR-10 CNN), a .beak model file or an .onnx model";

    private ModelSource() {}

    static boolean isNamed(String arg) {
        return arg.equals("mnist") || arg.equals("cifar");
    }

    /** True for a .beak model file argument (not a named network, not ONNX): one with stored data settings. */
    static boolean isModelFile(String arg) {
        return !isNamed(arg) && !arg.endsWith(".onnx");
    }

    /** A fresh named network (seeded) or the model stored in a file. */
    static Model resolve(String arg, long seed) throws IOException {
        return switch (arg) {
            case "mnist" -> build(SeedNetworks.mnist(), seed, SeedNetworks.mnistInput());
            case "cifar" -> build(SeedNetworks.cifar(), seed, SeedNetworks.cifarInput());
            default -> arg.endsWith(".onnx") ? OnnxImporter.load(Path.of(arg)).model() : load(arg).model();
        };
    }

    static SavedModel load(String arg) throws IOException {
        Path p = Path.of(arg);
        if (!Files.exists(p)) throw new IllegalArgumentException("\"" + arg + "\" is neither a model file nor a known network: " + NAMES);
        return ModelFile.load(p);
    }

    /** A .beak file, or an .onnx model as a file without preprocessing, input geometry or class names. */
    static SavedModel loadAny(String arg) throws IOException {
        if (!arg.endsWith(".onnx")) return load(arg);
        if (!Files.exists(Path.of(arg))) throw new IllegalArgumentException("\"" + arg + "\": no such ONNX file");
        return new SavedModel(OnnxImporter.load(Path.of(arg)).model(), java.util.Map.of());
    }

    private static Model build(Sequential s, long seed, int[] input) {
        return s.seed(seed).withInputShape(input);
    }
}
