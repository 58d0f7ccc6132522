package dev.beak.spark;

import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Training samples spread over the executors: one cached {@link SampleBlock} per partition (raw, before
 * fitted preprocessing), numbered 0..size-1 across partitions, plus what the driver needs to plan rounds
 * (the count and shapes) and the class names (empty when the labels are bare indices).
 */
public record TrainingData(JavaRDD<SampleBlock> blocks, int size, int[] sampleShape, int[] labelShape, List<String> classes) {
    public TrainingData {
        if (size == 0) throw new IllegalArgumentException("the training data is empty");
        classes = List.copyOf(classes);
    }

    /**
     * Reads {@code source} on the executors: partition p of {@code partitions} loads the files and keeps
     * the samples whose index i has {@code i % partitions == p}. The blocks are cached; loading happens here.
     */
    public static TrainingData load(JavaSparkContext sc, SampleSource source, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        List<Integer> parts = IntStream.range(0, partitions).boxed().toList();
        JavaRDD<SampleBlock> blocks = sc.parallelize(parts, partitions).map(p -> {
            TensorDataset all;
            try {
                all = source.load();
            } catch (IOException e) {
                throw new UncheckedIOException(source.describe() + ": " + e.getMessage(), e);
            }
            return SampleBlock.of(all, IntStream.range(0, all.size()).filter(i -> i % partitions == p).toArray());
        });
        return cache(blocks, List.of());
    }

    /**
     * Spreads a dataset that sits on the driver (small data, tests) over {@code partitions} partitions,
     * sample i going to partition {@code i % partitions}, as {@link #load} splits files.
     */
    public static TrainingData of(JavaSparkContext sc, TensorDataset data, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        // Broadcast once, so that the samples do not travel inside every task of every round.
        Broadcast<SampleBlock> all = sc.broadcast(SampleBlock.of(data, IntStream.range(0, data.size()).toArray()));
        List<Integer> parts = IntStream.range(0, partitions).boxed().toList();
        return cache(sc.parallelize(parts, partitions).map(p -> all.value().share(p, partitions)), List.of());
    }

    /** Caches {@code blocks}, computes them once and reads back their count and shapes. */
    static TrainingData cache(JavaRDD<SampleBlock> blocks, List<String> classes) {
        blocks.persist(StorageLevel.MEMORY_ONLY());
        List<BlockInfo> infos = blocks.map(b -> new BlockInfo(b.size(), b.sampleShape(), b.labelShape())).collect();
        int size = 0;
        int[] sample = null, label = null;
        for (BlockInfo b : infos) {
            if (b.size() == 0) continue;
            if (sample != null && (!Arrays.equals(sample, b.sampleShape()) || !Arrays.equals(label, b.labelShape()))) {
                throw new IllegalArgumentException("the partitions hold samples of different shapes: " + Shape.toString(sample) + " and "
                        + Shape.toString(b.sampleShape()));
            }
            sample = b.sampleShape();
            label = b.labelShape();
            size += b.size();
        }
        if (sample == null) throw new IllegalArgumentException("the training data is empty");
        return new TrainingData(blocks, size, sample, label, classes);
    }

    private record BlockInfo(int size, int[] sampleShape, int[] labelShape) implements Serializable {}

    /**
     * Up to {@code max} samples brought to the driver (the first of each partition, shared out evenly),
     * for fitting preprocessing once there.
     */
    public TensorDataset sample(int max) {
        int per = Math.max(1, max / Math.max(1, blocks.getNumPartitions()));
        List<SampleBlock> parts = blocks.map(b -> b.size() <= per ? b
                : new SampleBlock(Arrays.copyOf(b.indices(), per), Arrays.copyOf(b.x(), per * Shape.size(b.sampleShape())),
                        Arrays.copyOf(b.y(), per * Shape.size(b.labelShape())), b.sampleShape(), b.labelShape())).collect();
        List<float[]> xs = new ArrayList<>(), ys = new ArrayList<>();
        int n = 0;
        for (SampleBlock b : parts) {
            xs.add(b.x());
            ys.add(b.y());
            n += b.size();
        }
        return new TensorDataset(Tensor.of(concat(xs), Shape.prepend(n, sampleShape)), Tensor.of(concat(ys), Shape.prepend(n, labelShape)));
    }

    /** Frees the cached blocks on the executors. */
    public void release() {
        blocks.unpersist(false);
    }

    private static float[] concat(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
