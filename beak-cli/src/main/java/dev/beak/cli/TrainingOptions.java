package dev.beak.cli;

import dev.beak.io.TrainingSession;
import dev.beak.nn.loss.CategoricalHinge;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.loss.Loss;
import dev.beak.nn.optim.AbstractOptimizer;
import dev.beak.nn.optim.Adadelta;
import dev.beak.nn.optim.Adagrad;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.AdamW;
import dev.beak.nn.optim.LearningRateSchedule;
import dev.beak.nn.optim.RmsProp;
import dev.beak.nn.optim.Sgd;
import dev.beak.nn.train.NonFinite;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The training group of {@code beak train}: the library's optimizers, learning-rate schedules, L2 weight
 * decay, losses, early stopping and what to do about non-finite values, named as the library names them.
 * Everything here becomes one {@link TrainingSession.Plan}; the defaults are the seed's (Adam, lr 1e-3
 * decaying by 0.8 per epoch, cross-entropy).
 */
final class TrainingOptions {
    enum OptimizerName { adam, adamw, sgd, nesterov, rmsprop, adagrad, adadelta }

    @Option(names = "--optimizer", defaultValue = "adam",
            description = "adam, adamw, sgd (with --momentum), nesterov (SGD with Nesterov momentum), rmsprop, adagrad or adadelta (default: ${DEFAULT-VALUE}).")
    OptimizerName optimizer;

    @Option(names = "--lr", defaultValue = "" + Defaults.LEARNING_RATE, description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "Momentum of sgd and nesterov (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "L2", defaultValue = "0",
            description = "L2 weight decay (for adamw: its decoupled decay; default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--schedule", paramLabel = "SPEC", defaultValue = "exponential",
            description = "Learning-rate schedule: exponential (x --lr-decay per epoch), constant, step:EVERY:FACTOR, cosine (to 0 over --epochs), "
                    + "plateau:PATIENCE:FACTOR (on val_loss) (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--lr-decay", defaultValue = "" + Defaults.LR_DECAY,
            description = "With --schedule exponential: learning-rate factor per epoch (1 = constant; default: ${DEFAULT-VALUE}).")
    double lrDecay;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "cross-entropy (softmax on the logits; on the probabilities when the model ends in a softmax) or hinge (categorical hinge) "
                    + "(default: what a .beak file was compiled with, else cross-entropy).")
    String loss;

    @Option(names = "--early-stopping", paramLabel = "EPOCHS",
            description = "Stop when val_loss has not improved for EPOCHS epochs and keep the best weights (default: off).")
    Integer earlyStopping;

    @Option(names = "--on-nan", paramLabel = "stop|skip-batch", defaultValue = "stop",
            description = "When a batch's loss or gradients stop being finite or the loss explodes: stop (naming the layer) or skip the batch (default: ${DEFAULT-VALUE}).")
    String onNan;

    /** The library's plan: this group's optimizer at {@code rate}, loss, early stopping and --on-nan, for {@code epochs} epochs into {@code out}. */
    TrainingSession.Plan plan(double rate, int epochs, int batchSize, long seed, Path out) {
        NonFinite.Policy policy = switch (onNan) {
            case "stop" -> NonFinite.Policy.STOP;
            case "skip-batch" -> NonFinite.Policy.SKIP_BATCH;
            default -> throw new IllegalArgumentException("--on-nan must be stop or skip-batch, got \"" + onNan + "\"");
        };
        return TrainingSession.Plan.of(optimizer(rate, epochs), epochs, batchSize, seed, out).withLoss(loss()).withEarlyStopping(earlyStopping)
                .withOnNonFinite(policy);
    }

    /** How the optimizer reads in the "Training ..." line, with the decay per epoch under the exponential schedule. */
    String shown(double rate) {
        return describe(rate) + (shownDecay() == 1 ? "" : " (x" + shownDecay() + " per epoch)");
    }

    /** The optimizer at learning rate {@code rate}, with the schedule over {@code epochs} and the weight decay. */
    AbstractOptimizer<?> optimizer(double rate, int epochs) {
        AbstractOptimizer<?> o = switch (optimizer) {
            case adam -> new Adam(rate);
            case adamw -> new AdamW(rate, weightDecay);
            case sgd -> new Sgd(rate, momentum);
            case nesterov -> new Sgd(rate, momentum, true);
            case rmsprop -> new RmsProp(rate);
            case adagrad -> new Adagrad(rate);
            case adadelta -> new Adadelta(rate, 0.9, 1e-6);
        };
        if (weightDecay != 0 && optimizer != OptimizerName.adamw) o.weightDecay(weightDecay);
        return o.schedule(schedule(epochs));
    }

    /** The learning-rate factor per epoch that the text shows: --lr-decay under the exponential schedule, else 1. */
    double shownDecay() {
        return isExponential() ? lrDecay : 1;
    }

    private boolean isExponential() {
        return schedule.strip().equalsIgnoreCase("exponential");
    }

    LearningRateSchedule schedule(int epochs) {
        String[] p = schedule.strip().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "exponential" -> lrDecay == 1 ? LearningRateSchedule.constant() : LearningRateSchedule.exponential(lrDecay);
                case "constant" -> LearningRateSchedule.constant();
                case "cosine" -> LearningRateSchedule.cosine(epochs, 0);
                case "step" -> LearningRateSchedule.step(Integer.parseInt(p[1]), Double.parseDouble(p[2]));
                case "plateau" -> LearningRateSchedule.reduceOnPlateau("val_loss", Double.parseDouble(p[2]), Integer.parseInt(p[1]));
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--schedule must be exponential, constant, cosine, step:EVERY:FACTOR or plateau:PATIENCE:FACTOR, got \""
                    + schedule + "\"" + (e.getMessage() != null ? " (" + e.getMessage() + ")" : ""));
        }
    }

    /** The loss to compile with, or null (what the model file says, else cross-entropy). */
    Loss loss() {
        if (loss == null) return null;
        return switch (loss.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "cross-entropy", "crossentropy" -> new CrossEntropy();
            case "hinge", "categorical-hinge" -> new CategoricalHinge();
            default -> throw new IllegalArgumentException("--loss must be cross-entropy or hinge, got \"" + loss + "\"");
        };
    }

    /** How the optimizer reads in the progress line: "Adam lr 0.001", "SGD lr 0.01 momentum 0.9, weight decay 5e-4, cosine". */
    String describe(double rate) {
        String name = switch (optimizer) {
            case adam -> "Adam";
            case adamw -> "AdamW";
            case sgd -> "SGD";
            case nesterov -> "SGD (Nesterov)";
            case rmsprop -> "RMSprop";
            case adagrad -> "Adagrad";
            case adadelta -> "Adadelta";
        };
        String text = String.format(Locale.ROOT, "%s lr %s", name, rate);
        if (optimizer == OptimizerName.sgd || optimizer == OptimizerName.nesterov) text += " momentum " + momentum;
        if (weightDecay != 0) text += ", weight decay " + weightDecay;
        if (!isExponential()) text += ", " + schedule.strip() + " schedule";
        return text;
    }
}
