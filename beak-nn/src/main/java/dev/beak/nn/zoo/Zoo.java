package dev.beak.nn.zoo;

import dev.beak.nn.Model;
import dev.beak.nn.ModelProfile;

import java.util.List;
import java.util.function.Function;

/**
 * The classic networks by name, for the command line and for code that takes a name: each entry
 * knows its reference options (classes, input shape) and gives an unbuilt model for any options.
 *
 * {@snippet :
 * Model net = Zoo.get("resnet50").model(NetworkOptions.imageNet().withClasses(10));   // no weights yet
 * Model small = Zoo.get("resnet50").build(NetworkOptions.imageNet().withInputShape(3, 64, 64).withWidth(0.25f));
 * ModelProfile cost = Zoo.get("vgg16").profile(NetworkOptions.imageNet());          // the CS231n table
 * }
 */
public final class Zoo {
    /**
     * One named network: its reference options and its builder. {@link #model} is not built (no weights
     * allocated); {@link #build} allocates the weights for the options' input shape.
     */
    public record Entry(String name, String description, NetworkOptions defaults, Function<NetworkOptions, Model> builder) {
        public Model model(NetworkOptions o) {
            return builder.apply(o);
        }

        public Model build(NetworkOptions o) {
            return model(o).build(o.inputShape());
        }

        /** The cost table for options {@code o}, without allocating any weights. */
        public ModelProfile profile(NetworkOptions o) {
            return ModelProfile.of(model(o), o.inputShape());
        }
    }

    private static final NetworkOptions IMAGENET = NetworkOptions.imageNet();

    private static final List<Entry> ENTRIES = List.of(
            new Entry("lenet5", "LeNet-5 (1998; full C3, tanh, average pools, Dense output)", LeNet.defaults(), LeNet::network),
            new Entry("alexnet", "AlexNet, torchvision's layout", IMAGENET, AlexNet::network),
            new Entry("alexnet-tflearn", "AlexNet with LRN and 96 11x11/4 filters, TFLearn's 17 flowers example", AlexNet.tflearnDefaults(), AlexNet::tflearn),
            new Entry("zfnet", "ZFNet (Zeiler and Fergus, 2014)", IMAGENET, ZfNet::network),
            vgg(11, Vgg.Norm.NONE), vgg(11, Vgg.Norm.BATCH_NORM), vgg(13, Vgg.Norm.NONE), vgg(13, Vgg.Norm.BATCH_NORM),
            vgg(16, Vgg.Norm.NONE), vgg(16, Vgg.Norm.BATCH_NORM), vgg(19, Vgg.Norm.NONE), vgg(19, Vgg.Norm.BATCH_NORM),
            new Entry("googlenet", "GoogLeNet / Inception v1, torchvision's layout, no auxiliary heads", IMAGENET, GoogLeNet::network),
            new Entry("googlenet-aux", "GoogLeNet with both auxiliary heads (three outputs)", IMAGENET, GoogLeNet::withAuxiliaryHeads),
            resnet(18), resnet(34), resnet(50), resnet(101), resnet(152),
            new Entry("squeezenet1.1", "SqueezeNet 1.1", IMAGENET, SqueezeNet::network),
            new Entry("mobilenetv2", "MobileNetV2 (width multiplier)", IMAGENET, MobileNetV2::network),
            new Entry("densenet121", "DenseNet-121", IMAGENET, o -> DenseNet.network(121, o)),
            new Entry("densenet169", "DenseNet-169", IMAGENET, o -> DenseNet.network(169, o)),
            new Entry("densenet201", "DenseNet-201", IMAGENET, o -> DenseNet.network(201, o)));

    private Zoo() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static boolean contains(String name) {
        return ENTRIES.stream().anyMatch(e -> e.name().equals(name));
    }

    /** The entry called {@code name}; an unknown name fails listing the known ones. */
    public static Entry get(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no network called \"" + name + "\" in the zoo (known: " + String.join(", ", names()) + ")"));
    }

    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    private static Entry vgg(int depth, Vgg.Norm norm) {
        boolean bn = norm == Vgg.Norm.BATCH_NORM;
        return new Entry("vgg" + depth + (bn ? "-bn" : ""), "VGG-" + depth + (bn ? " with batch norm" : ""), IMAGENET, o -> Vgg.network(depth, norm, o));
    }

    private static Entry resnet(int depth) {
        return new Entry("resnet" + depth, "ResNet-" + depth + (depth < 50 ? " (basic blocks)" : " (bottleneck blocks)"), IMAGENET,
                o -> ResNet.network(depth, o));
    }
}
