package dev.beak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The lines that end {@code demo} and {@code train}: what the test figures were measured on, and what to run next. */
final class NextSteps {
    private NextSteps() {}

    /** {@code data} is null for the embedded sample. */
    static void afterTraining(PrintWriter out, Path model, DataOptions data) {
        if (data != null && data.kind() == DataOptions.Kind.FOLDER && data.testDir == null) {
            out.printf(java.util.Locale.ROOT, "The test figures are on the validation split: %.0f%% of each class of %s, held out of training "
                    + "(give --test-data DIR for a separate test set).%n", 100 * data.split().fraction(), data.dir());
        }
        String m = model.toString();
        out.println("Next: ./beak evaluate " + m + " | ./beak predict " + m + " IMAGE.png | ./beak report " + m
                + " (curves, confusion matrix, per-class precision/recall) | ./beak viz --help");
    }
}
