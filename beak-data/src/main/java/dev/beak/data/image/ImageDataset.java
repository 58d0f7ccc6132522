package dev.beak.data.image;

import dev.beak.data.BadSampleException;
import dev.beak.data.DataFileException;
import dev.beak.data.SkipReport;
import dev.beak.dataset.Dataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Image files as a {@link dev.beak.dataset.Dataset} that decodes on demand: samples (C, H, W) as floats
 * 0..255, labels class indices. Nothing is kept in memory but the file list, so any number of files
 * fits; a {@code DataLoader} decodes on background threads. A file that fails to decode throws a
 * {@link BadSampleException} from {@link #copy}; {@link #load} decodes everything at once instead.
 */
public final class ImageDataset implements Dataset {
    private final ImageFolder folder;
    private final ImageOptions options;

    ImageDataset(ImageFolder folder, ImageOptions options) {
        this.folder = folder;
        this.options = options;
    }

    public ImageFolder folder() {
        return folder;
    }

    public ImageOptions options() {
        return options;
    }

    public List<String> classes() {
        return folder.classes();
    }

    @Override
    public int size() {
        return folder.size();
    }

    @Override
    public int[] sampleShape() {
        return new int[] {options.color().channels(), options.height(), options.width()};
    }

    @Override
    public int[] labelShape() {
        return new int[0];
    }

    /** Decodes sample {@code index}, converted and resized as the options say. */
    public FloatImage image(int index) throws DataFileException {
        ImageFolder.Entry e = folder.entries().get(index);
        return ImageFiles.decode(e.file(), options.color(), options.height(), options.width(), options.resize());
    }

    @Override
    public void copy(int index, float[] x, int xOff, float[] y, int yOff) {
        try {
            float[] d = image(index).data();
            System.arraycopy(d, 0, x, xOff, d.length);
            y[yOff] = folder.entries().get(index).label();
        } catch (DataFileException e) {
            throw new BadSampleException(e);
        }
    }

    /**
     * Decodes every image on {@code threads} threads into one in-memory dataset. Bad files (found while
     * scanning or decoding) fail with the first one's message, or, with {@code skipBad}, are left out
     * and added to {@code report}.
     */
    public TensorDataset load(int threads, SkipReport report) throws DataFileException {
        if (!folder.problems().isEmpty()) {
            if (!options.skipBad()) throw folder.problems().getFirst().toException();
            folder.problems().forEach(report::add);
        }
        int n = size(), per = options.color().channels() * options.height() * options.width();
        List<FloatImage> images = new ArrayList<>(n);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "beak-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FloatImage>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> image(index)));
            }
            for (Future<FloatImage> f : futures) {
                try {
                    images.add(f.get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof DataFileException bad)) throw new IllegalStateException(e.getCause());
                    if (!options.skipBad()) throw bad;
                    report.add(bad);
                    images.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while decoding " + folder.root(), e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int good = (int) images.stream().filter(java.util.Objects::nonNull).count();
        if (good == 0) throw new DataFileException(folder.root().toString(), "no image could be decoded");
        float[] x = new float[good * per], y = new float[good];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (images.get(i) == null) continue;
            System.arraycopy(images.get(i).data(), 0, x, k * per, per);
            y[k++] = folder.entries().get(i).label();
        }
        return new TensorDataset(Tensor.of(x, good, options.color().channels(), options.height(), options.width()), Tensor.of(y, good));
    }
}
