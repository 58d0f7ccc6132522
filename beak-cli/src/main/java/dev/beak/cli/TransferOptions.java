package dev.beak.cli;

import picocli.CommandLine.Option;

/** The transfer-learning group of {@code beak train}: a pretrained base, where to cut it, the new head, the two phases. */
final class TransferOptions {
    /** The options of this group that mean nothing without --base. */
    static final String[] NEED_BASE = {"--cut", "--head", "--freeze-base", "--fine-tune-from", "--fine-tune-lr", "--cache-features"};

    @Option(names = "--base", paramLabel = "MODEL",
            description = "Transfer learning: a pretrained network (.beak or .onnx file, or mnist, cifar) whose base gets a new classifier "
                    + "for the classes of --data; the model file written is a normal .beak with the class names.")
    String base;

    @Option(names = "--cut", paramLabel = "LAYER", description = "With --base: the last layer of the base kept (default: the input of its last dense layer).")
    String cut;

    @Option(names = "--head", paramLabel = "SPEC", description = "With --base: " + HeadSpec.HELP)
    String head;

    @Option(names = "--freeze-base", description = "With --base: train only the new head; the base's weights stay bit for bit.")
    boolean freezeBase;

    @Option(names = "--fine-tune-from", paramLabel = "LAYER",
            description = "With --base: after the head, unfreeze LAYER and every layer after it and train on (phase two).")
    String fineTuneFrom;

    @Option(names = "--fine-tune-epochs", defaultValue = "3", description = "Epochs of phase two (default: ${DEFAULT-VALUE}).")
    int fineTuneEpochs;

    @Option(names = "--fine-tune-lr", description = "Learning rate of phase two (default: --lr / 10).")
    Double fineTuneLr;

    @Option(names = "--cache-features",
            description = "With --freeze-base: run the base once over the training images and train the head on its outputs.")
    boolean cacheFeatures;

    @Option(names = "--feature-passes", defaultValue = "1",
            description = "With --cache-features: passes over the training images (more than 1 with --augment: augmented copies; default: ${DEFAULT-VALUE}).")
    int featurePasses;
}
