package dev.beak.examples;

import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.TrainingListener;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints one line per epoch: loss, accuracy, and the test figures when validation data was given. */
public record EpochPrinter(String label, PrintWriter log) implements TrainingListener {
    @Override
    public void onEpochEnd(EpochLogs logs) {
        var v = logs.values();
        log.printf(Locale.ROOT, "  %s epoch %d: loss %.4f, accuracy %.4f%s (%.1f s)%n", label, logs.epoch(), v.get("loss"), v.get("accuracy"),
                v.containsKey("val_accuracy") ? String.format(Locale.ROOT, ", test accuracy %.4f", v.get("val_accuracy")) : "", v.get("seconds"));
        log.flush();
    }
}
