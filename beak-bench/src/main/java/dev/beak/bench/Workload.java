package dev.beak.bench;

import dev.beak.nn.Model;
import dev.beak.nn.Sequential;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.zoo.ResNet;
import dev.beak.nn.zoo.SeedNetworks;
import dev.beak.nn.zoo.Vgg16;
import dev.beak.ops.Padding;

import java.util.List;

/**
 * The workloads of WORKLOADS.md with the step counts of the PyTorch reference runner. Each mode has
 * its default batch, the number of steps in one timed repetition, and the warm-up steps (more than
 * PyTorch's, since the JIT compiles the kernels during the first steps).
 */
public enum Workload {
    W1("mnist-cnn", 10, List.of(new Run(Mode.TRAIN, 64, 50, 30), new Run(Mode.INFER, 64, 100, 60))),
    W2("cifar-cnn", 10, List.of(new Run(Mode.TRAIN, 64, 100, 60), new Run(Mode.INFER, 64, 200, 120))),
    W3("vgg16", 1000, List.of(new Run(Mode.INFER, 1, 10, 4), new Run(Mode.INFER, 8, 3, 2))),
    W4("resnet18", 1000, List.of(new Run(Mode.TRAIN, 8, 5, 2)));

    /** Train: forward, backward and an Adam step; infer: forward only, without recording gradients. */
    public enum Mode { TRAIN, INFER }

    /** One figure: mode, batch, steps per timed repetition, warm-up steps. */
    public record Run(Mode mode, int batch, int steps, int warmup) {}

    private final String title;
    private final int classes;
    private final List<Run> runs;

    Workload(String title, int classes, List<Run> runs) {
        this.title = title;
        this.classes = classes;
        this.runs = runs;
    }

    public String title() {
        return title;
    }

    public int classes() {
        return classes;
    }

    /** The figures this workload defines, in the reference runner's order. */
    public List<Run> runs() {
        return runs;
    }

    /**
     * The figures to time: those of {@code mode} (every mode when null), each at {@code batch} instead of
     * its own when given, without repeats (W3's two inference figures become one at a given batch).
     */
    public List<Run> runs(Mode mode, Integer batch) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return runs.stream()
                .filter(r -> mode == null || r.mode() == mode)
                .map(r -> batch == null ? r : new Run(r.mode(), batch, r.steps(), r.warmup()))
                .filter(r -> seen.add(r.mode() + "/" + r.batch()))
                .toList();
    }

    /** The workload called {@code name} (W1..W4, any case), if it is one. */
    public static java.util.Optional<Workload> parse(String name) {
        return java.util.Arrays.stream(values()).filter(w -> w.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The per-sample input shape. */
    public int[] input() {
        return switch (this) {
            case W1 -> SeedNetworks.mnistInput();
            case W2 -> SeedNetworks.cifarInput();
            case W3, W4 -> new int[] {3, 224, 224};
        };
    }

    /**
     * The built network: W1 is seed 002 without its dropout, as WORKLOADS.md defines it; W4 is
     * torchvision's ResNet-18 (batch norm, 11,689,512 parameters).
     */
    public Model model(long seed) {
        if (this == W4) return ResNet.resnet18(classes, Layers::batchNorm2d, Layers::globalAvgPool);
        return sequential().seed(seed).withInputShape(input());
    }

    private Sequential sequential() {
        return switch (this) {
            case W1 -> Sequential.of(
                    Layers.conv2d(32, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                    Layers.maxPool2d(2),
                    Layers.conv2d(64, 5).withPadding(Padding.SAME).withActivation(Activation.RELU),
                    Layers.maxPool2d(2),
                    Layers.flatten(),
                    Layers.dense(1024, Activation.RELU),
                    Layers.dense(10)).named("w1_mnist");
            case W2 -> SeedNetworks.cifar();
            case W3 -> Vgg16.network(classes);
            case W4 -> throw new IllegalStateException("W4 is a graph model, built by model()");
        };
    }
}
