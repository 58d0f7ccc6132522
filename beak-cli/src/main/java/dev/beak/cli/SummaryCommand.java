package dev.beak.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Prints the Keras-style summary of a named network or a saved model. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Layers, output shapes (channels first) and parameter counts of a network or model file.")
final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = ModelSource.NAMES)
    String model;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().print(ModelSource.resolve(model, Defaults.SEED).summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
