package dev.beak.spark;

import dev.beak.dataset.Batch;
import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import dev.beak.nn.layer.RandomStream;
import dev.beak.nn.loss.Loss;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;
import org.apache.spark.broadcast.Broadcast;

import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The executor's half of a round: load the round's state into a model copy, pick this partition's
 * members of the global batch, preprocess them as the driver fitted, run forward in training mode and
 * backward, and hand back the shard's summed gradients. It reads only the broadcasts and the cached
 * block, and writes only into a borrowed copy that the next round overwrites, so it is idempotent.
 */
final class ShardStep {
    private ShardStep() {}

    /**
     * @param summed true when the loss sums over the batch (its gradient is already a sum), false when
     *               it averages (the shard's gradient is scaled by its sample count)
     */
    static Iterator<ShardGradients> run(int partition, Iterator<SampleBlock> blocks, Broadcast<byte[]> model, Broadcast<Round> round,
                                        boolean summed, ShardHook hook) {
        Round r = round.value();
        hook.beforeShard(r.number(), partition);
        long t0 = System.nanoTime();
        ShardGradients result = ShardGradients.empty();
        SavedModel copy = Replicas.borrow(model);
        Model m = copy.model();
        load(m, r.state());
        seedStreams(m, r, partition);
        Loss loss = copy.compileConfig().loss();
        List<Tensor> trainable = List.copyOf(m.trainableParameters().values());
        List<Tensor> buffers = List.copyOf(m.buffers().values());
        while (blocks.hasNext()) {
            Batch shard = blocks.next().shard(r.batch());
            if (shard == null) continue;
            int k = shard.size();
            copy.preprocessing().transform(shard.x().data(), k);
            ShardGradients g = ShardGradients.empty();
            try (var step = Workspace.open()) {
                trainable.forEach(Tensor::zeroGrad);
                Tensor out = m.forward(shard.x(), true);
                Tensor l = loss.compute(out, shard.y());
                double value = l.item();
                l.backward();
                float scale = summed ? 1f : k;
                g.gradients = new float[trainable.size()][];
                for (int i = 0; i < trainable.size(); i++) {
                    Tensor p = trainable.get(i);
                    if (p.hasGrad()) g.gradients[i] = scaled(p.gradBuffer(), scale);
                }
                g.lossSum = summed ? value : value * k;
                g.correct = loss.correct(out, shard.y());
                g.samples = k;
            }
            g.buffers = new float[buffers.size()][];
            for (int i = 0; i < buffers.size(); i++) g.buffers[i] = scaled(buffers.get(i).data(), k);
            // The next shard of this task (a partition may hold several blocks) starts from the round's state again.
            if (blocks.hasNext()) load(m, r.state());
            result.merge(g);
        }
        result.computeSeconds = (System.nanoTime() - t0) / 1e9;
        // Given back only after success: a copy left half-way by a failed attempt is dropped, not reused.
        Replicas.giveBack(model, copy);
        return List.of(result).iterator();
    }

    /** Copies the round's parameters and buffers into the model, in {@code Model.state()} order. */
    static void load(Model m, float[][] state) {
        List<Tensor> tensors = List.copyOf(m.state().values());
        if (tensors.size() != state.length) {
            throw new IllegalStateException("the round carries " + state.length + " tensors but model " + m.name() + " has " + tensors.size());
        }
        for (int i = 0; i < state.length; i++) System.arraycopy(state[i], 0, tensors.get(i).data(), 0, state[i].length);
    }

    /** Each random stream (dropout masks) starts afresh from the round's seed, the round and the partition. */
    private static void seedStreams(Model m, Round r, int partition) {
        SplittableRandom seeds = new SplittableRandom(r.seed() * 1_000_003L + r.number() * 7_919L + partition);
        for (RandomStream s : m.randomStreams().values()) s.seek(new RandomStream.Position(seeds.nextLong(), 0));
    }

    private static float[] scaled(float[] values, float factor) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[i] * factor;
        return out;
    }
}
