package dev.beak.data;

import dev.beak.tensor.Limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that fails, naming its source, once more than {@code max} bytes come out of it: wraps a
 * decompressing stream (a gzip IDX file, a zip entry) so that a small bomb stops at the limit instead
 * of filling the heap. {@link #inflated} bounds by {@link Limits#maxInflated}.
 */
public final class BoundedInputStream extends FilterInputStream {
    private final String source;
    private final long max;
    private final String why;
    private long count;

    public BoundedInputStream(InputStream in, String source, long max, String why) {
        super(in);
        this.source = source;
        this.max = max;
        this.why = why;
    }

    /** {@code in} bounded by the inflated-size limit. */
    public static BoundedInputStream inflated(InputStream in, String source) {
        Limits limits = Limits.current();
        return new BoundedInputStream(in, source, limits.maxInflated(), "over the limit of " + limits.maxInflated()
                + " bytes when decompressed (raise it with -Dbeak.limit.inflated=N)");
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }

    private void count(long n) throws DataFileException {
        count += n;
        if (count > max) throw new DataFileException(source, "more than " + max + " bytes: " + why);
    }
}
