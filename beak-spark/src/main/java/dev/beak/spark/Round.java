package dev.beak.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * What the driver broadcasts for one round of synchronous training: the model's state before the
 * round (parameters, then buffers, in {@code Model.state()} order), the sample indices of the round's
 * global batch, and the seed of its random draws (dropout). A task computes its shard from these
 * alone, so a retried task computes the same contribution and a round cannot be corrupted by retries.
 * A class, not a record, so that the state travels as raw bytes ({@link FloatArrays}).
 */
final class Round implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
    private final int number;
    private final int[] batch;
    private final long seed;
    private transient float[][] state;

    Round(int number, float[][] state, int[] batch, long seed) {
        this.number = number;
        this.state = state;
        this.batch = batch;
        this.seed = seed;
    }

    int number() {
        return number;
    }

    float[][] state() {
        return state;
    }

    int[] batch() {
        return batch;
    }

    long seed() {
        return seed;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        FloatArrays.write(out, state);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        state = FloatArrays.read(in);
    }
}
