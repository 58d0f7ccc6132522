package dev.beak.cli;

import dev.beak.nn.ModelProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * Prints the memory and compute table of a named network, a zoo network or a model file (see
 * {@link ModelProfile}): per layer the output shape, parameters, activations, their memory and
 * multiply-adds; the totals for one image; memory for a batch. A zoo network's weights are never allocated.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Layers, output shapes (channels first), parameters, activations, memory (float32) and multiply-adds "
                + "(1 multiply-add = 2 FLOPs) of a network or model file, per layer and for one image; memory for --batch-size.",
        footerHeading = "%nExamples:%n",
        footer = {"  beak summary vgg16                   the CS231n VGG-16 table", "  beak summary resnet50 --batch-size 32 --json",
                "  beak summary model.onnx"})
final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = ModelSource.NAMES)
    String model;

    @Mixin NetworkArgs network;

    @Option(names = {"--batch-size", "--batch"}, paramLabel = "N", defaultValue = "1", description = "Batch size of the memory estimate (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (batch < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + batch);
        ModelProfile p = ModelSource.profile(model, network);
        output.human().print(p.table(batch));
        output.result(p.toMap(batch));
        return 0;
    }
}
