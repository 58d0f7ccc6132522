package dev.beak.spark.cli;

import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.zoo.SeedNetworks;
import dev.beak.nn.zoo.Zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The {@code --model} argument as {@code beak train} reads it: mnist, cifar, a zoo network, or a .beak file. */
final class Networks {
    static final String NAMES = "mnist (seed-002 MNIST CNN), cifar (seed-003 CIFAR-10 CNN), a zoo network (lenet5, vgg16, resnet18, ...) or a .beak file";

    private Networks() {}

    static boolean isNamed(String arg) {
        return arg.equals("mnist") || arg.equals("cifar") || Zoo.contains(arg);
    }

    static SavedModel resolve(String arg, long seed) throws IOException {
        Model m = switch (arg) {
            case "mnist" -> SeedNetworks.mnist().seed(seed).withInputShape(SeedNetworks.mnistInput());
            case "cifar" -> SeedNetworks.cifar().seed(seed).withInputShape(SeedNetworks.cifarInput());
            default -> Zoo.contains(arg) ? Zoo.get(arg).build(Zoo.get(arg).defaults().withSeed(seed)) : null;
        };
        if (m != null) return new SavedModel(m, Map.of());
        Path p = Path.of(arg);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("--model \"" + arg + "\" is neither a model file nor a known network: " + NAMES);
        return ModelFile.load(p);
    }
}
