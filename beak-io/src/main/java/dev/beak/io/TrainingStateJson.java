package dev.beak.io;

import dev.beak.data.DataFileException;
import dev.beak.nn.layer.RandomStream;
import dev.beak.nn.optim.OptimizerState;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.TrainingState;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link TrainingState} (all but the optimizer's buffers, which go to a safetensors
 * entry): {@code epochs_done}, {@code batches_done}, {@code seed}, {@code history} (one object per
 * epoch: {@code epoch} and {@code figures}), {@code optimizer} ({@code type}, {@code steps} by
 * parameter) and {@code random_streams} ({@code seed}, {@code draws} by stream). Figures are written
 * with as many digits as round-trip exactly; NaN and infinities as the strings Jackson uses.
 */
final class TrainingStateJson {
    private TrainingStateJson() {}

    static Map<String, Object> toJson(TrainingState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs_done", s.epochsDone());
        m.put("batches_done", s.batchesDone());
        m.put("seed", s.seed());
        List<Map<String, Object>> history = new ArrayList<>();
        for (EpochLogs e : s.history()) history.add(ordered("epoch", e.epoch(), "figures", e.values()));
        m.put("history", history);
        m.put("optimizer", ordered("type", s.optimizer().optimizer(), "steps", s.optimizer().steps()));
        Map<String, Object> streams = new LinkedHashMap<>();
        s.randomStreams().forEach((name, p) -> streams.put(name, ordered("seed", p.seed(), "draws", p.draws())));
        m.put("random_streams", streams);
        return m;
    }

    /** Reads the state back with the optimizer buffers read from their entry; problems name {@code src}. */
    static TrainingState fromJson(Map<?, ?> m, Map<String, Tensor> buffers, String src) throws DataFileException {
        try {
            List<EpochLogs> history = new ArrayList<>();
            for (Object o : list(m.get("history"), "history")) {
                Map<?, ?> e = map(o, "history entry");
                Map<String, Double> figures = new LinkedHashMap<>();
                map(e.get("figures"), "figures").forEach((k, v) -> figures.put((String) k, number(v)));
                history.add(new EpochLogs(integer(e.get("epoch"), "epoch"), figures));
            }
            Map<?, ?> opt = map(m.get("optimizer"), "optimizer");
            Map<String, Integer> steps = new LinkedHashMap<>();
            map(opt.get("steps"), "optimizer steps").forEach((k, v) -> steps.put((String) k, integer(v, "steps of " + k)));
            Map<String, RandomStream.Position> streams = new LinkedHashMap<>();
            map(m.get("random_streams"), "random_streams").forEach((k, v) -> {
                Map<?, ?> p = map(v, "random stream " + k);
                streams.put((String) k, new RandomStream.Position(longValue(p.get("seed"), "seed of " + k), longValue(p.get("draws"), "draws of " + k)));
            });
            return new TrainingState(integer(m.get("epochs_done"), "epochs_done"), integer(m.get("batches_done"), "batches_done"),
                    longValue(m.get("seed"), "seed"), history, new OptimizerState((String) opt.get("type"), buffers, steps), streams);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new DataFileException(src, "bad " + CheckpointFile.TRAINING_JSON + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static List<?> list(Object o, String what) {
        if (o instanceof List<?> l) return l;
        throw new IllegalArgumentException(what + " should be a list, got " + o);
    }

    private static Map<?, ?> map(Object o, String what) {
        if (o instanceof Map<?, ?> mm) return mm;
        throw new IllegalArgumentException(what + " should be an object, got " + o);
    }

    private static double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s) return Double.parseDouble(s); // "NaN", "Infinity"
        throw new IllegalArgumentException("a figure should be a number, got " + o);
    }

    private static int integer(Object o, String what) {
        if (o instanceof Integer i) return i;
        throw new IllegalArgumentException(what + " should be an integer, got " + o);
    }

    private static long longValue(Object o, String what) {
        if (o instanceof Integer || o instanceof Long) return ((Number) o).longValue();
        throw new IllegalArgumentException(what + " should be an integer, got " + o);
    }
}
