package dev.beak.cli;

import dev.beak.nn.zoo.NetworkOptions;
import dev.beak.nn.zoo.Zoo;
import picocli.CommandLine.Option;

/** The options of a zoo network on the command line: classes, input shape, width. */
final class NetworkArgs {
    @Option(names = "--classes", paramLabel = "N", description = "Zoo networks: number of classes (default: the network's, e.g. 1000).")
    Integer classes;

    @Option(names = "--input-shape", paramLabel = "C,H,W", description = "Zoo networks: input shape, channels first (default: the network's, e.g. 3,224,224).")
    String inputShape;

    @Option(names = "--width", paramLabel = "W", description = "Zoo networks: width multiplier of the hidden channels (default: 1, the reference layout).")
    Float width;

    /** The entry's reference options with what was given on the command line. */
    NetworkOptions options(Zoo.Entry entry, long seed) {
        NetworkOptions o = entry.defaults().withSeed(seed);
        if (classes != null) o = o.withClasses(classes);
        if (width != null) o = o.withWidth(width);
        if (inputShape != null) o = o.withInputShape(parseShape(inputShape));
        return o;
    }

    /** Fails when a zoo option was given for {@code model}, which is not a zoo network. */
    void requireNone(String model) {
        String given = classes != null ? "--classes" : inputShape != null ? "--input-shape" : width != null ? "--width" : null;
        if (given != null) {
            throw new IllegalArgumentException(given + " applies to zoo networks (beak zoo lists them), not to " + model);
        }
    }

    static int[] parseShape(String s) {
        String[] parts = s.split(",");
        int[] shape = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) shape[i] = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--input-shape " + s + ": expected C,H,W such as 3,224,224");
        }
        if (shape.length != 3) throw new IllegalArgumentException("--input-shape " + s + ": expected three numbers C,H,W such as 3,224,224");
        return shape;
    }
}
