package dev.beak.cli;

import dev.beak.nn.train.EvaluationListener;
import dev.beak.nn.train.EvaluationProgress;
import dev.beak.nn.train.ProgressBar;

/**
 * The output group ({@code --json}) of beak-command, under this package's name so that the commands
 * here mix it in without an import: {@code @Mixin OutputOptions output}. It adds the progress bar, which needs beak-nn.
 */
final class OutputOptions extends dev.beak.command.OutputOptions {
    /**
     * A progress bar for a pass over data ({@code label} starts its line), on stderr and only on a terminal,
     * as {@code beak train}'s bar; it never writes to stdout, so --json output stays one object.
     */
    EvaluationListener progress(String label) {
        return new EvaluationProgress(label, err(), ProgressBar.isTerminal());
    }
}
