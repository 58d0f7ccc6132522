package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.viz.Adversarial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;

@Command(name = "adversarial", mixinStandardHelpOptions = true,
        description = "FGSM (--steps 1) or iterative FGSM adversarial examples: predictions before and after, perturbation size.")
final class VizAdversarial extends VizOnData {
    @Option(names = "--epsilon", defaultValue = "0.1", description = "Largest change of any pixel (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--steps", defaultValue = "1", description = "1 for FGSM, more for iterative FGSM (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--alpha", description = "Step size of iterative FGSM (default: 2.5 * epsilon / steps).")
    Double alpha;

    @Option(names = "--samples", defaultValue = "500", description = "Test images attacked to measure the flip rate (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--count", defaultValue = "6", description = "How many of them to draw (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        Model m = model();
        TensorDataset t = inputs(m, samples);
        double a = alpha != null ? alpha : Adversarial.defaultAlpha(epsilon, steps);
        // Without labels (image files) the attack pushes away from the model's own prediction.
        Adversarial adv = Adversarial.iterative(m, t.x(), labelled() ? t.y() : null, epsilon, a, steps, lo(), hi(), progress("FGSM"));
        adv.writePng(count, out());
        wrote(stdout, out(), String.format(Locale.ROOT, "%s eps %.3g on %d images: %.1f%% of predictions flipped, accuracy %.4f -> %.4f, "
                + "max |dx| %.4g, mean |dx| %.4g", steps == 1 ? "FGSM" : "iterative FGSM", epsilon, t.size(), 100 * adv.flipRate(),
                adv.accuracyBefore(), adv.accuracyAfter(), adv.maxPerturbation(), adv.meanPerturbation()));
        figures.put("epsilon", epsilon);
        figures.put("steps", steps);
        figures.put("images", t.size());
        figures.put("flip_rate", adv.flipRate());
        figures.put("accuracy_before", adv.accuracyBefore());
        figures.put("accuracy_after", adv.accuracyAfter());
        figures.put("max_perturbation", adv.maxPerturbation());
        figures.put("mean_perturbation", adv.meanPerturbation());
        figures.put("first_before", adv.before()[0]);
        figures.put("first_after", adv.after()[0]);
    }
}
