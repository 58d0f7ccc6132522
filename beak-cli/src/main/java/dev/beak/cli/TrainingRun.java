package dev.beak.cli;

import dev.beak.dataset.Dataset;
import dev.beak.io.SavedModel;
import dev.beak.io.TrainingSession;
import dev.beak.nn.MemoryPlan;
import dev.beak.nn.Model;
import dev.beak.nn.train.ProgressBar;
import dev.beak.nn.train.TrainingChecks;
import dev.beak.nn.train.TrainingListener;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code beak demo} and {@code beak train} print a {@link TrainingSession} (the library's training run):
 * what is trained on what, the progress bar, the test figures and the files written.
 */
final class TrainingRun {
    private TrainingRun() {}

    /**
     * Runs {@code plan} on {@code data} from {@code begin} with the progress bar and {@code monitor} following;
     * {@code optimizerText} says how the optimizer reads ("Adam lr 0.001 (x0.8 per epoch)"). Returns the JSON figures.
     */
    static Map<String, Object> run(SavedModel begin, TrainingSession.Data data, TrainingSession.Plan plan, String optimizerText,
                                   TrainingSession.Checkpoints checkpoints, TrainingListener monitor, PrintWriter stdout, PrintWriter stderr)
            throws Exception {
        TrainingSession session = TrainingSession.prepare(begin, data, plan, checkpoints);
        Model model = session.model();
        stdout.printf(Locale.ROOT, "Training %s (%,d parameters) on %,d images, testing on %,d; %s, batch %d, %d epochs%n",
                model.name(), model.parameterCount(), data.trainSize(), data.test().size(), optimizerText, plan.batchSize(), plan.epochs());
        MemoryPlan.checkTrainingBatch(model, data.train().sampleShape(), plan.batchSize(), "--batch-size");
        TrainingSession.Result r = session.run(new ProgressBar(stdout, stderr, ProgressBar.isTerminal()), monitor);
        stdout.printf(Locale.ROOT, "Test accuracy %.4f (%,d of %,d), test loss %.4f%n",
                r.testAccuracy(), Math.round(r.testAccuracy() * r.testSamples()), r.testSamples(), r.testLoss());
        stdout.printf(Locale.ROOT, "Trained in %s at %.1f images/s; model saved to %s, history to %s%n",
                ProgressBar.clock(r.trainSeconds()), r.imagesPerSecond(), r.model(), r.history());
        return r.figures();
    }

    /** As above without a monitor. */
    static Map<String, Object> run(SavedModel begin, TrainingSession.Data data, TrainingSession.Plan plan, String optimizerText,
                                   TrainingSession.Checkpoints checkpoints, PrintWriter stdout, PrintWriter stderr) throws Exception {
        return run(begin, data, plan, optimizerText, checkpoints, TrainingListener.NONE, stdout, stderr);
    }

    /** {@code runs/mnist.beak} -> {@code runs/mnist.history.csv} ({@link TrainingSession#historyPath}). */
    static Path historyPath(Path model) {
        return TrainingSession.historyPath(model);
    }

    /** Fails when {@code data}'s samples do not fit the model ({@link TrainingChecks#checkInput}). */
    static void checkInput(Model model, Dataset data, String what) {
        TrainingChecks.checkInput(model, data.sampleShape(), what);
    }
}
