package dev.beak.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

/** Reads float datasets of a Keras HDF5 file, with their declared sizes checked before any allocation. */
final class H5Arrays {
    /** At most 2^28 values (1 GiB of float32) in one array. */
    static final long MAX_VALUES = 1L << 28;

    private H5Arrays() {}

    static KerasArray read(Node node, String name) {
        if (!(node instanceof Dataset d)) throw new KerasFormatException(node.getPath() + " is not a dataset");
        int[] shape = d.getDimensions();
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new KerasFormatException("dataset " + d.getPath() + " declares a negative size");
            n *= s;
            if (n > MAX_VALUES) throw new KerasFormatException("dataset " + d.getPath() + " declares more than " + MAX_VALUES + " values");
        }
        Class<?> type = d.getJavaType();
        if (type != float.class && type != double.class) {
            throw new KerasFormatException("dataset " + d.getPath() + " holds " + type.getSimpleName() + " values, not floating point ones");
        }
        Object flat = n == 0 ? new float[0] : d.getDataFlat();
        float[] data;
        if (flat instanceof float[] f) {
            data = f;
        } else if (flat instanceof double[] g) {
            data = new float[g.length];
            for (int i = 0; i < g.length; i++) data[i] = (float) g[i];
        } else {
            throw new KerasFormatException("dataset " + d.getPath() + " could not be read as numbers");
        }
        if (data.length != n) throw new KerasFormatException("dataset " + d.getPath() + " holds " + data.length + " values, its shape says " + n);
        return new KerasArray(name, shape, data);
    }

    /**
     * Fails when the HDF5 data {@code head} (the file's first bytes, the superblock) declares an end of
     * file beyond {@code size} bytes: a truncated file, told before any object is read.
     */
    static void checkComplete(java.nio.ByteBuffer head, long size, String what) {
        io.jhdf.Superblock sb;
        try {
            sb = io.jhdf.Superblock.readSuperblock(head.order(java.nio.ByteOrder.LITTLE_ENDIAN));
        } catch (RuntimeException e) {
            throw new KerasFormatException(what + " has no readable HDF5 superblock (" + e.getMessage() + ")");
        }
        long end = sb.getBaseAddressByte() + sb.getEndOfFileAddress();
        if (end > size) throw new KerasFormatException(what + " is truncated: its HDF5 superblock says " + end + " bytes, there are " + size);
    }

    /** A string or an array of strings of an attribute, as h5py writes them (variable- or fixed-length). */
    static String[] strings(Node node, String attribute) {
        var a = node.getAttribute(attribute);
        if (a == null) return null;
        Object v = a.getData();
        if (v instanceof String s) return new String[] {s};
        if (v instanceof String[] s) return s;
        throw new KerasFormatException("attribute " + attribute + " of " + node.getPath() + " is not text");
    }
}
