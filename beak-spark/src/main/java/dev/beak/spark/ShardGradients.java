package dev.beak.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * The summed contribution of some shards of one round's global batch, as {@code treeAggregate}
 * combines them: per trainable parameter the gradient summed over samples (a shard's mean gradient
 * times its sample count), per buffer (batch-norm statistics) its value after the shard's forward pass
 * times the shard's sample count, the summed loss and the count of correct predictions. Arrays are null
 * until a shard contributes (an empty zero travels cheaply to every task); they travel as raw bytes
 * ({@link FloatArrays}).
 */
final class ShardGradients implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
    transient float[][] gradients;
    transient float[][] buffers;
    double lossSum;
    long correct;
    long samples;
    /** The longest time one task spent computing its shards (forward and backward), in seconds. */
    double computeSeconds;

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        FloatArrays.write(out, gradients);
        FloatArrays.write(out, buffers);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        gradients = FloatArrays.read(in);
        buffers = FloatArrays.read(in);
    }

    static ShardGradients empty() {
        return new ShardGradients();
    }

    /** Adds {@code other} into this one and returns this one (Spark lets aggregation mutate its left side). */
    ShardGradients merge(ShardGradients other) {
        gradients = add(gradients, other.gradients);
        buffers = add(buffers, other.buffers);
        lossSum += other.lossSum;
        correct += other.correct;
        samples += other.samples;
        computeSeconds = Math.max(computeSeconds, other.computeSeconds);
        return this;
    }

    /** a + b element-wise per tensor; a null tensor counts as zeros (a parameter no shard's loss reached). */
    private static float[][] add(float[][] a, float[][] b) {
        if (b == null) return a;
        if (a == null) return b;
        for (int t = 0; t < a.length; t++) {
            if (b[t] == null) continue;
            if (a[t] == null) {
                a[t] = b[t];
                continue;
            }
            float[] x = a[t], y = b[t];
            for (int i = 0; i < x.length; i++) x[i] += y[i];
        }
        return a;
    }
}
