package dev.beak.cli;

import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.TrainingListener;

/** Listener plumbing of the command line: per-epoch learning-rate decay, and fan-out to several listeners. */
final class Listeners {
    private Listeners() {}

    /** Sets the learning rate to {@code base * factor^(epoch-1)} as each epoch starts. */
    static TrainingListener exponentialDecay(Optimizer optimizer, double factor) {
        double base = optimizer.learningRate();
        return new TrainingListener() {
            @Override
            public void onEpochStart(int epoch, int epochs, int batches) {
                optimizer.setLearningRate(base * Math.pow(factor, epoch - 1));
            }
        };
    }

    static TrainingListener both(TrainingListener a, TrainingListener b) {
        return new TrainingListener() {
            @Override
            public void onEpochStart(int epoch, int epochs, int batches) {
                a.onEpochStart(epoch, epochs, batches);
                b.onEpochStart(epoch, epochs, batches);
            }

            @Override
            public void onBatchEnd(int batch, int batches, double loss, double accuracy, long images, double seconds) {
                a.onBatchEnd(batch, batches, loss, accuracy, images, seconds);
                b.onBatchEnd(batch, batches, loss, accuracy, images, seconds);
            }

            @Override
            public void onEpochEnd(EpochLogs logs) {
                a.onEpochEnd(logs);
                b.onEpochEnd(logs);
            }
        };
    }
}
