package dev.beak.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes fuzz inputs from a seed corpus, as coverage-blind mutation fuzzers (AFL's havoc stage) do:
 * one seed, then one to four edits from bit flips, bytes set to boundary values, 4- and 8-byte fields
 * (little- or big-endian) set to boundary sizes, truncation, deletion, insertion of random or copied
 * bytes, and splices with another seed. Deterministic for a given generator.
 */
public final class Mutator {
    private static final long[] SIZES = {0, 1, -1, 2, 7, 255, 256, 65_535, 65_536, 1L << 24, Integer.MAX_VALUE, Integer.MIN_VALUE,
            1L << 31, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, 46_000};
    private static final byte[] BYTES = {0, 1, -1, 0x7f, (byte) 0x80, 0x20, '"', '{', '[', ':', ','};

    private final List<byte[]> seeds;

    public Mutator(List<byte[]> seeds) {
        if (seeds.isEmpty()) throw new IllegalArgumentException("a mutator needs at least one seed");
        this.seeds = List.copyOf(seeds);
    }

    /** One input: a seed with one to four edits (sometimes none, so seeds themselves are checked). */
    public byte[] next(SplittableRandom rng) {
        byte[] b = seeds.get(rng.nextInt(seeds.size())).clone();
        int edits = rng.nextInt(20) == 0 ? 0 : 1 + rng.nextInt(4);
        for (int e = 0; e < edits; e++) b = edit(b, rng);
        return b;
    }

    private byte[] edit(byte[] b, SplittableRandom rng) {
        if (b.length == 0) return new byte[] {(byte) rng.nextInt(256)};
        int at = rng.nextInt(b.length);
        switch (rng.nextInt(9)) {
            case 0 -> b[at] ^= (byte) (1 << rng.nextInt(8));
            case 1 -> b[at] = BYTES[rng.nextInt(BYTES.length)];
            case 2 -> field(b, at, 4, SIZES[rng.nextInt(SIZES.length)] + rng.nextInt(3) - 1, rng.nextBoolean());
            case 3 -> field(b, at, 8, SIZES[rng.nextInt(SIZES.length)], rng.nextBoolean());
            case 4 -> b = Arrays.copyOf(b, rng.nextInt(b.length));
            case 5 -> {
                int len = Math.min(b.length - at, 1 + rng.nextInt(16));
                byte[] r = new byte[b.length - len];
                System.arraycopy(b, 0, r, 0, at);
                System.arraycopy(b, at + len, r, at, b.length - at - len);
                b = r;
            }
            case 6 -> {
                byte[] ins = new byte[1 + rng.nextInt(16)];
                if (rng.nextBoolean()) {
                    for (int i = 0; i < ins.length; i++) ins[i] = (byte) rng.nextInt(256);
                } else {
                    int from = rng.nextInt(b.length);
                    ins = Arrays.copyOfRange(b, from, Math.min(b.length, from + ins.length));
                }
                byte[] r = new byte[b.length + ins.length];
                System.arraycopy(b, 0, r, 0, at);
                System.arraycopy(ins, 0, r, at, ins.length);
                System.arraycopy(b, at, r, at + ins.length, b.length - at);
                b = r;
            }
            case 7 -> {
                byte[] other = seeds.get(rng.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : rng.nextInt(other.length);
                byte[] r = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, r, at, other.length - from);
                b = r;
            }
            default -> {
                // A decimal number in text (JSON sizes, shapes, offsets) replaced by a boundary size.
                int start = at;
                while (start < b.length && (b[start] < '0' || b[start] > '9')) start++;
                int end = start;
                while (end < b.length && b[end] >= '0' && b[end] <= '9') end++;
                if (start == end) break;
                byte[] num = Long.toString(SIZES[rng.nextInt(SIZES.length)]).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] r = new byte[b.length - (end - start) + num.length];
                System.arraycopy(b, 0, r, 0, start);
                System.arraycopy(num, 0, r, start, num.length);
                System.arraycopy(b, end, r, start + num.length, b.length - end);
                b = r;
            }
        }
        return b;
    }

    private static void field(byte[] b, int at, int width, long value, boolean bigEndian) {
        for (int i = 0; i < width && at + i < b.length; i++) {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            b[at + i] = (byte) (value >>> shift);
        }
    }
}
