package dev.beak.data.preprocess;

import dev.beak.dataset.Batch;
import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Batches;
import dev.beak.dataset.Dataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preprocessing steps in order, fitted on the training split only and then applied unchanged to
 * validation, test and prediction inputs. Each step is fitted on the output of the steps before it.
 *
 * {@snippet :
 * Preprocessing p = Preprocessing.fit(train, List.of(PreprocessKind.RESCALE, PreprocessKind.ZCA), 1e-2);
 * TensorDataset trainP = p.applyTo(train), testP = p.applyTo(test);
 * Map<String, Object> json = p.config();        // for model.json
 * Map<String, Tensor> arrays = p.tensors();     // "1.mean", "1.matrix": for the safetensors part
 * }
 */
public record Preprocessing(List<Preprocessor> steps) {
    public static final Preprocessing NONE = new Preprocessing(List.of());

    public Preprocessing {
        steps = List.copyOf(steps);
    }

    /** Fits {@code kinds} in order on {@code train}; {@code eps} regularises whitening (ignored otherwise). */
    public static Preprocessing fit(Dataset train, List<PreprocessKind> kinds, double eps) {
        if (train.size() == 0) throw new IllegalArgumentException("cannot fit preprocessing on an empty dataset");
        return fit(Batches.inOrder(train, 256), kinds, eps);
    }

    /**
     * Fits on the batches of one epoch of {@code train}: a plain loader (no augmentation) decodes in
     * parallel and, with {@code skipBad}, leaves bad files out of the statistics.
     */
    public static Preprocessing fit(BatchSource train, List<PreprocessKind> kinds, double eps) {
        List<Preprocessor> fitted = new ArrayList<>();
        for (PreprocessKind k : kinds) {
            BatchSource seen = fitted.isEmpty() ? train : new Preprocessing(fitted).view(train);
            fitted.add(fitOne(k, seen, eps));
        }
        return new Preprocessing(fitted);
    }

    private static Preprocessor fitOne(PreprocessKind kind, BatchSource data, double eps) {
        return switch (kind) {
            case RESCALE -> Rescale.of255();
            case PIXEL_MEAN -> new PixelMean(Tensor.of(Stats.pixelMean(data), data.sampleShape()));
            case CHANNEL_MEAN -> new ChannelMean(Stats.channelMeanStd(data)[0]);
            case STANDARDIZE -> {
                float[][] ms = Stats.channelMeanStd(data);
                yield new ChannelStandardize(ms[0], ms[1]);
            }
            case MIN_MAX -> {
                float[] mm = Stats.minMax(data);
                yield new MinMax(mm[0], mm[1]);
            }
            case PCA -> Whitening.fit(Whitening.Kind.PCA, data, eps);
            case ZCA -> Whitening.fit(Whitening.Kind.ZCA, data, eps);
        };
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Transforms {@code n} consecutive samples in place, step by step. */
    public void transform(float[] x, int n) {
        if (n == 0) return;
        for (Preprocessor p : steps) p.transform(x, n);
    }

    /** x (N, ...) with every step applied, as a new tensor. */
    public Tensor apply(Tensor x) {
        if (steps.isEmpty()) return x;
        float[] d = x.data().clone();
        transform(d, x.dim(0));
        return Tensor.of(d, x.shape());
    }

    /** The dataset's samples transformed, labels shared. */
    public TensorDataset applyTo(TensorDataset data) {
        return steps.isEmpty() ? data : new TensorDataset(apply(data.x()), data.y());
    }

    /** The batches of {@code source} with every step applied (for fitting the next step). */
    BatchSource view(BatchSource source) {
        return new BatchSource() {
            @Override public int[] sampleShape() { return source.sampleShape(); }
            @Override public int batchCount() { return source.batchCount(); }
            @Override public Iterable<Batch> epoch(int epoch) {
                return () -> new java.util.Iterator<>() {
                    final java.util.Iterator<Batch> it = source.epoch(epoch).iterator();
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public Batch next() {
                        Batch b = it.next();
                        return new Batch(apply(b.x()), b.y());
                    }
                };
            }
        };
    }

    /** A view that transforms each sample as it is copied out (for data that does not fit in memory). */
    public Dataset view(Dataset data) {
        if (steps.isEmpty()) return data;
        return new Dataset() {
            @Override public int size() { return data.size(); }
            @Override public int[] sampleShape() { return data.sampleShape(); }
            @Override public int[] labelShape() { return data.labelShape(); }
            @Override public void copy(int index, float[] x, int xOff, float[] y, int yOff) {
                data.copy(index, x, xOff, y, yOff);
                int per = dev.beak.tensor.Shape.size(data.sampleShape());
                float[] one = java.util.Arrays.copyOfRange(x, xOff, xOff + per);
                transform(one, 1);
                System.arraycopy(one, 0, x, xOff, per);
            }
        };
    }

    /** {@code {"steps": [config, ...]}}; step {@code i}'s tensors are named {@code "i.name"} in {@link #tensors()}. */
    public Map<String, Object> config() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Preprocessor p : steps) list.add(p.config());
        return Map.of("steps", list);
    }

    public Map<String, Tensor> tensors() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (Map.Entry<String, Tensor> e : steps.get(i).tensors().entrySet()) all.put(i + "." + e.getKey(), e.getValue());
        }
        return all;
    }

    /** Rebuilds what {@link #config()} and {@link #tensors()} described. */
    public static Preprocessing fromConfig(Map<String, Object> config, Map<String, Tensor> tensors) {
        if (!(config.get("steps") instanceof List<?> list)) throw new IllegalArgumentException("preprocessing config needs a \"steps\" list");
        List<Preprocessor> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            @SuppressWarnings("unchecked") Map<String, Object> c = (Map<String, Object>) list.get(i);
            Map<String, Tensor> mine = new LinkedHashMap<>();
            String prefix = i + ".";
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                if (e.getKey().startsWith(prefix)) mine.put(e.getKey().substring(prefix.length()), e.getValue());
            }
            steps.add(step(c, mine));
        }
        return new Preprocessing(steps);
    }

    /** One step from its config and tensors. */
    public static Preprocessor step(Map<String, Object> c, Map<String, Tensor> tensors) {
        String type = String.valueOf(c.get("type"));
        return switch (type) {
            case "rescale" -> new Rescale(number(c, "scale"), number(c, "offset"));
            case "min_max" -> new MinMax(number(c, "min"), number(c, "max"));
            case "channel_mean" -> new ChannelMean(Stats.toFloats(c.get("mean"), "mean"));
            case "standardize" -> new ChannelStandardize(Stats.toFloats(c.get("mean"), "mean"), Stats.toFloats(c.get("std"), "std"));
            case "pixel_mean" -> new PixelMean(tensor(tensors, "mean", type));
            case "pca_whitening", "zca_whitening" -> new Whitening(type.startsWith("pca") ? Whitening.Kind.PCA : Whitening.Kind.ZCA,
                    tensor(tensors, "mean", type), tensor(tensors, "matrix", type), number(c, "eps"));
            default -> throw new IllegalArgumentException("unknown preprocessing step type \"" + type + "\"");
        };
    }

    private static float number(Map<String, Object> c, String key) {
        if (!(c.get(key) instanceof Number n)) throw new IllegalArgumentException("preprocessing " + c.get("type") + ": \"" + key + "\" must be a number");
        return n.floatValue();
    }

    private static Tensor tensor(Map<String, Tensor> t, String name, String type) {
        Tensor v = t.get(name);
        if (v == null) throw new IllegalArgumentException("preprocessing " + type + ": tensor \"" + name + "\" is missing");
        return v;
    }
}
