package dev.beak.nn.layer;

import java.util.SplittableRandom;

/**
 * A counter-based source of random generators for a layer that draws afresh on every training step
 * (dropout masks): draw {@code k} gets {@code new SplittableRandom(mix(seed, k))}. Its whole state is
 * the {@link Position} (seed and draws so far), so a checkpoint can save it and a resumed run draws the
 * same masks as an uninterrupted one. Not thread-safe: a layer draws once per forward pass.
 *
 * {@snippet :
 * RandomStream masks = new RandomStream(rng.nextLong());
 * Tensor y = Ops.dropout(x, 0.5f, masks.next());   // step 1, then step 2 gets other masks
 * }
 */
public final class RandomStream {
    private long seed;
    private long draws;

    public RandomStream(long seed) {
        this.seed = seed;
    }

    /** Where a stream stands: its seed and how many generators it has handed out. */
    public record Position(long seed, long draws) {
        public Position {
            if (draws < 0) throw new IllegalArgumentException("a random stream's draw count must be >= 0, got " + draws);
        }
    }

    /** The generator of the next draw; it depends only on the seed and the draw number. */
    public SplittableRandom next() {
        return new SplittableRandom(mix(seed, draws++));
    }

    public Position position() {
        return new Position(seed, draws);
    }

    /** Continues from {@code p}: the next draw is draw {@code p.draws()} of a stream seeded {@code p.seed()}. */
    public void seek(Position p) {
        seed = p.seed();
        draws = p.draws();
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, 2014) over seed and counter: nearby counters give unrelated seeds. */
    static long mix(long seed, long counter) {
        long z = seed + (counter + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
