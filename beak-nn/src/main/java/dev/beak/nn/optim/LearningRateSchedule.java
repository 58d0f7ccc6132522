package dev.beak.nn.optim;

import dev.beak.nn.metric.Monitor;

import java.util.List;
import java.util.Map;

/**
 * The learning rate of each epoch as a pure function of the base rate and the figures of the
 * epochs done so far ({@code e} of them: the epoch about to run is {@code e}, 0-based). Pure, so a
 * resumed run gets the same rates by replaying its history.
 *
 * {@snippet :
 * new Sgd(0.1, 0.9).schedule(LearningRateSchedule.step(30, 0.1));          // ÷10 every 30 epochs
 * new Adam(1e-3).schedule(LearningRateSchedule.reduceOnPlateau("val_loss", 0.5, 3));
 * }
 */
public sealed interface LearningRateSchedule {
    double learningRate(double base, List<Map<String, Double>> finishedEpochs);

    static LearningRateSchedule constant() {
        return new Constant();
    }

    static LearningRateSchedule step(int everyEpochs, double factor) {
        return new StepDecay(everyEpochs, factor);
    }

    static LearningRateSchedule exponential(double factor) {
        return new ExponentialDecay(factor);
    }

    static LearningRateSchedule cosine(int epochs, double minLearningRate) {
        return new CosineDecay(epochs, minLearningRate);
    }

    static LearningRateSchedule reduceOnPlateau(String monitor, double factor, int patience) {
        return new ReduceOnPlateau(Monitor.of(monitor), factor, patience, 0);
    }

    record Constant() implements LearningRateSchedule {
        @Override
        public double learningRate(double base, List<Map<String, Double>> finished) {
            return base;
        }
    }

    /** {@code base * factor^floor(e / everyEpochs)} (PyTorch's StepLR). */
    record StepDecay(int everyEpochs, double factor) implements LearningRateSchedule {
        public StepDecay {
            if (everyEpochs < 1) throw new IllegalArgumentException("step schedule needs everyEpochs >= 1, got " + everyEpochs);
            if (!(factor > 0)) throw new IllegalArgumentException("step schedule factor must be > 0, got " + factor);
        }

        @Override
        public double learningRate(double base, List<Map<String, Double>> finished) {
            return base * Math.pow(factor, finished.size() / everyEpochs);
        }
    }

    /** {@code base * factor^e} (PyTorch's ExponentialLR). */
    record ExponentialDecay(double factor) implements LearningRateSchedule {
        public ExponentialDecay {
            if (!(factor > 0)) throw new IllegalArgumentException("exponential schedule factor must be > 0, got " + factor);
        }

        @Override
        public double learningRate(double base, List<Map<String, Double>> finished) {
            return base * Math.pow(factor, finished.size());
        }
    }

    /**
     * Cosine annealing without restarts (Loshchilov and Hutter, 2017, "SGDR"):
     * {@code min + (base - min) (1 + cos(pi e / epochs)) / 2}, then {@code min} after {@code epochs}.
     */
    record CosineDecay(int epochs, double minLearningRate) implements LearningRateSchedule {
        public CosineDecay {
            if (epochs < 1) throw new IllegalArgumentException("cosine schedule needs epochs >= 1, got " + epochs);
            if (!(minLearningRate >= 0)) throw new IllegalArgumentException("minimum learning rate must be >= 0, got " + minLearningRate);
        }

        @Override
        public double learningRate(double base, List<Map<String, Double>> finished) {
            double e = Math.min(finished.size(), epochs);
            return minLearningRate + (base - minLearningRate) * (1 + Math.cos(Math.PI * e / epochs)) / 2;
        }
    }

    /**
     * Keras' ReduceLROnPlateau: after {@code patience} epochs in a row without improvement of the
     * monitored figure, multiply the rate by {@code factor} (not below {@code minLearningRate}) and
     * start counting again.
     */
    record ReduceOnPlateau(Monitor monitor, double factor, int patience, double minLearningRate) implements LearningRateSchedule {
        public ReduceOnPlateau {
            if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("plateau factor must be in (0, 1), got " + factor);
            if (patience < 1) throw new IllegalArgumentException("plateau patience must be >= 1, got " + patience);
        }

        public ReduceOnPlateau withMinLearningRate(double min) {
            return new ReduceOnPlateau(monitor, factor, patience, min);
        }

        @Override
        public double learningRate(double base, List<Map<String, Double>> finished) {
            double lr = base, best = Double.NaN;
            int wait = 0;
            for (Map<String, Double> logs : finished) {
                double v = monitor.valueIn(logs);
                if (monitor.improved(v, best)) {
                    best = v;
                    wait = 0;
                } else if (++wait >= patience) {
                    lr = Math.max(lr * factor, minLearningRate);
                    wait = 0;
                }
            }
            return lr;
        }
    }
}
