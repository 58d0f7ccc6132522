package dev.beak.data.loader;

import dev.beak.data.DataFileException;
import dev.beak.dataset.Dataset;
import dev.beak.tensor.Shape;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cached features on disk, read through a memory map: {@code BEAKFEAT}, then little-endian ints
 * (count, sample rank, sample dims, label rank, label dims), then the samples and the labels as
 * little-endian floats. Written by {@link Features#computeToFile}; sizes are checked against the file
 * length before anything is mapped.
 */
public final class FeatureFile implements Dataset {
    private static final byte[] MAGIC = "BEAKFEAT".getBytes(StandardCharsets.US_ASCII);
    private final int count;
    private final int[] sampleShape, labelShape;
    private final FloatBuffer x, y;

    private FeatureFile(int count, int[] sampleShape, int[] labelShape, FloatBuffer x, FloatBuffer y) {
        this.count = count;
        this.sampleShape = sampleShape;
        this.labelShape = labelShape;
        this.x = x;
        this.y = y;
    }

    public static FeatureFile open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = Features.le((int) Math.min(size, 8 + 4 * 20));
            ch.read(head, 0);
            head.flip();
            if (head.remaining() < 16) throw Features.bad(file, "truncated header");
            byte[] magic = new byte[8];
            head.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw Features.bad(file, "wrong magic: not a Beak feature file");
            int count = head.getInt();
            int[] xs = dims(head, file), ys = dims(head, file);
            long headerBytes = head.position();
            long xCount = (long) count * values(xs, "sample", file), yCount = (long) count * values(ys, "label", file);
            if (count < 0 || headerBytes + 4 * (xCount + yCount) != size) {
                throw Features.bad(file, "header declares " + count + " samples of " + Shape.toString(xs) + " ("
                        + (headerBytes + 4 * (xCount + yCount)) + " bytes) but the file has " + size + " bytes");
            }
            if (4 * Math.max(xCount, yCount) > Integer.MAX_VALUE - 8) {
                throw Features.bad(file, "too large to map at once (" + 4 * Math.max(xCount, yCount) + " bytes)");
            }
            FloatBuffer x = ch.map(FileChannel.MapMode.READ_ONLY, headerBytes, 4 * xCount).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            FloatBuffer y = ch.map(FileChannel.MapMode.READ_ONLY, headerBytes + 4 * xCount, 4 * yCount).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            return new FeatureFile(count, xs, ys, x, y);
        }
    }

    /** The values in one sample (or label) of {@code shape}: refused when none, or more than one tensor may hold. */
    private static int values(int[] shape, String what, Path file) throws DataFileException {
        int n;
        try {
            n = Shape.size(shape);
        } catch (RuntimeException e) {   // over 2^31 values or over the tensor limit
            throw Features.bad(file, "header declares a " + what + " shape " + Shape.toString(shape) + " too large (" + e.getMessage() + ")");
        }
        if (n == 0) throw Features.bad(file, "header declares an empty " + what + " shape " + Shape.toString(shape));
        return n;
    }

    private static int[] dims(ByteBuffer head, Path file) throws DataFileException {
        if (head.remaining() < 4) throw Features.bad(file, "truncated header");
        int rank = head.getInt();
        if (rank < 0 || rank > 8 || head.remaining() < 4 * rank) throw Features.bad(file, "bad rank " + rank + " in header");
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) {
            d[i] = head.getInt();
            if (d[i] < 0) throw Features.bad(file, "negative dimension in header");
        }
        return d;
    }

    static byte[] header(int count, int[] xs, int[] ys) {
        ByteBuffer b = Features.le(8 + 4 * (3 + xs.length + ys.length));
        b.put(MAGIC).putInt(count).putInt(xs.length);
        for (int d : xs) b.putInt(d);
        b.putInt(ys.length);
        for (int d : ys) b.putInt(d);
        return b.array();
    }

    static byte[] littleEndian(float[] values) {
        ByteBuffer b = Features.le(values.length * 4);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    @Override
    public int[] labelShape() {
        return labelShape.clone();
    }

    @Override
    public void copy(int index, float[] xs, int xOff, float[] ys, int yOff) {
        int sx = Shape.size(sampleShape), sy = Shape.size(labelShape);
        x.slice(index * sx, sx).get(xs, xOff, sx);
        y.slice(index * sy, sy).get(ys, yOff, sy);
    }
}
