package dev.beak.nn.train;

import dev.beak.nn.Model;
import dev.beak.nn.metric.Monitor;
import dev.beak.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stops training when a monitored figure has not improved (by more than a minimum delta) for
 * {@code patience} epochs in a row, as Keras' EarlyStopping. With {@link #restoringBestWeights()} the
 * model gets back the weights of its best epoch when training ends. On a resumed fit it replays the
 * earlier epochs' figures to regain its count; their weights are gone, so only a best epoch from this
 * fit (or the last resumed one, whose weights the model holds) can be restored.
 *
 * {@snippet : model.fit(train, FitOptions.epochs(100).validation(val).callbacks(EarlyStopping.on("val_loss", 5).restoringBestWeights())); }
 */
public final class EarlyStopping implements TrainingListener {
    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBest;
    private Model model;
    private double best;
    private int wait, bestEpoch, stoppedEpoch;
    private Map<String, float[]> bestWeights;

    private EarlyStopping(Monitor monitor, int patience, boolean restoreBest) {
        if (patience < 1) throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        this.monitor = monitor;
        this.patience = patience;
        this.restoreBest = restoreBest;
    }

    /** Watches {@code monitor} (lower is better unless it is an accuracy) with the given patience. */
    public static EarlyStopping on(String monitor, int patience) {
        return new EarlyStopping(Monitor.of(monitor), patience, false);
    }

    public EarlyStopping withMinDelta(double minDelta) {
        return new EarlyStopping(monitor.withMinDelta(minDelta), patience, restoreBest);
    }

    public EarlyStopping restoringBestWeights() {
        return new EarlyStopping(monitor, patience, true);
    }

    @Override
    public void onFitStart(Model m) {
        model = m;
        best = Double.NaN;
        wait = bestEpoch = stoppedEpoch = 0;
        bestWeights = null;
    }

    @Override
    public void onResume(History earlier) {
        for (EpochLogs logs : earlier.epochs()) observe(logs, false);
        if (restoreBest && !earlier.epochs().isEmpty() && bestEpoch == earlier.last().epoch()) bestWeights = snapshot(model);
    }

    @Override
    public void onEpochEnd(EpochLogs logs) {
        observe(logs, restoreBest);
    }

    private void observe(EpochLogs logs, boolean keepWeights) {
        double v = monitor.valueIn(logs.values());
        if (monitor.improved(v, best)) {
            best = v;
            bestEpoch = logs.epoch();
            wait = 0;
            if (keepWeights) bestWeights = snapshot(model);
        } else if (++wait >= patience) {
            stoppedEpoch = logs.epoch();
        }
    }

    @Override
    public boolean stopRequested() {
        return stoppedEpoch > 0;
    }

    @Override
    public void onFitEnd(History history) {
        if (!restoreBest || bestWeights == null) return;
        model.state().forEach((name, t) -> System.arraycopy(bestWeights.get(name), 0, t.data(), 0, t.size()));
        dev.beak.tensor.WeightUpdates.record();
    }

    /** The epoch after which training stopped, or 0 when it ran to the end. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch with the best monitored value (1-based), or 0 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    private static Map<String, float[]> snapshot(Model m) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : m.state().entrySet()) copy.put(e.getKey(), e.getValue().data().clone());
        return copy;
    }
}
