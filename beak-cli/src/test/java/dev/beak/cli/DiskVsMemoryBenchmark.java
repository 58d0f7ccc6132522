package dev.beak.cli;

import dev.beak.data.image.ImageDataset;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.ImageOptions;
import dev.beak.data.loader.DataLoader;
import dev.beak.data.preprocess.PreprocessKind;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.dataset.Batches;
import dev.beak.dataset.BatchSource;
import dev.beak.dataset.Dataset;
import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.nn.zoo.SeedNetworks;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Not a test: trains the seed-003 CIFAR CNN (W2; 3x32x32, batch 64, Adam) on the same JPEGs read two
 * ways and prints the training throughput of each.
 *
 * <ul>
 * <li>disk: a lazy {@link ImageDataset}, every image decoded per batch on the {@link DataLoader}'s
 *     background threads, every epoch;</li>
 * <li>memory: the same images decoded once ({@link ImageDataset#load}) into a {@link TensorDataset}
 *     and fed through an identical loader (same threads, prefetch, seed, batch size, preprocessing).</li>
 * </ul>
 *
 * <p>Each repetition builds a fresh model (same seed), runs one untimed warm-up epoch and then times
 * {@code epochs} epochs of {@link Model#fit(BatchSource, FitOptions)}. Repetitions alternate disk,
 * memory, memory, disk, ... (ABBA) so that drift on a shared machine hits both alike, after one
 * untimed run of each (JIT); the figure is the median of the repetitions, with the min-max spread, and
 * the process CPU time per image (all threads), which contention on a shared machine disturbs less.
 *
 * <p>Arguments (all optional): images [3000], timed epochs [2], repetitions [3], loader threads
 * [available processors], prefetch [max(4, 2 x threads)], and {@code batches} as a sixth argument to
 * add a third configuration: the in-memory dataset fed by plain {@link Batches} on the training thread.
 *
 * {@snippet lang=sh :
 * mvn -q -B -o test-compile -pl beak-cli -am
 * M=~/.m2/repository
 * TM=$M/com/twelvemonkeys
 * java --add-modules jdk.incubator.vector -cp beak-cli/target/test-classes:beak-core/target/classes:beak-nn/target/classes:\
 * beak-data/target/classes:$M/org/ejml/ejml-ddense/0.44.0/ejml-ddense-0.44.0.jar:$M/org/ejml/ejml-core/0.44.0/ejml-core-0.44.0.jar:\
 * $TM/imageio/imageio-jpeg/3.12.0/imageio-jpeg-3.12.0.jar:$TM/imageio/imageio-core/3.12.0/imageio-core-3.12.0.jar:\
 * $TM/imageio/imageio-metadata/3.12.0/imageio-metadata-3.12.0.jar:$TM/common/common-lang/3.12.0/common-lang-3.12.0.jar:\
 * $TM/common/common-io/3.12.0/common-io-3.12.0.jar:$TM/common/common-image/3.12.0/common-image-3.12.0.jar \
 *      dev.beak.cli.DiskVsMemoryBenchmark 3000 2 9
 * }
 *
 * <p>On 2 shared cores (2026-11): disk about 5 % slower than memory (paired-ratio median 0.95 over 9
 * ABBA pairs); warm JPEG decoding costs about 0.05-0.09 ms per 32x32 image on one thread against about
 * 0.83 ms of CPU per image for a W2 training step, and the loader hides it behind training.
 */
public final class DiskVsMemoryBenchmark {
    private static final int BATCH = 64, CLASSES = 10, SIZE = 32;
    private static final long SEED = 42;

    private DiskVsMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        int prefetch = args.length > 4 ? Integer.parseInt(args[4]) : Math.max(4, 2 * threads);
        boolean plainBatches = args.length > 5 && args[5].equals("batches");

        Path root = Files.createTempDirectory("beak-diskbench");
        try {
            long t0 = System.nanoTime();
            writeJpegs(root, images);
            long bytes;
            try (Stream<Path> s = Files.walk(root)) {
                bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf(Locale.ROOT, "wrote %d JPEGs (%dx%d, %d classes, %.1f KiB on disk) in %.1f s%n",
                    images, SIZE, SIZE, CLASSES, bytes / 1024.0, (System.nanoTime() - t0) / 1e9);

            ImageDataset lazy = ImageFolder.scan(root).dataset(ImageOptions.of(SIZE, SIZE));
            t0 = System.nanoTime();
            TensorDataset memory = lazy.load(threads, null);
            System.out.printf(Locale.ROOT, "decoded all into memory in %.2f s (%.0f img/s on %d threads)%n",
                    (System.nanoTime() - t0) / 1e9, images / ((System.nanoTime() - t0) / 1e9), threads);
            // The CLI's default for folders: rescale by 1/255 (fitted on the data, applied by the loader).
            Preprocessing pre = Preprocessing.fit(memory, List.of(PreprocessKind.RESCALE), 0);

            System.out.printf(Locale.ROOT, "W2 = seed003_cifar, batch %d, Adam 1e-3; loader: %d threads, prefetch %d; "
                    + "compute threads (beak.threads) %d; %d timed epochs after 1 warm-up, %d repetitions, interleaved%n",
                    BATCH, threads, prefetch, dev.beak.kernel.Parallel.threads(), epochs, reps);

            List<String> names = new ArrayList<>(List.of("disk", "memory"));
            if (plainBatches) names.add("memory/Batches");
            double[][] rates = new double[names.size()][reps], cpu = new double[names.size()][reps];
            // One untimed run of each first, so that no configuration pays for the JIT alone.
            for (String name : names) run(name, lazy, memory, pre, threads, prefetch, 1, images);
            for (int k = 0; k < 2; k++) { // the decoding cost alone, warm, on one thread
                t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                lazy.load(1, null);
                System.out.printf(Locale.ROOT, "decode alone, 1 thread: %.3f ms per image wall, %.3f ms CPU%n",
                        (System.nanoTime() - t0) / 1e6 / images, (processCpuNanos() - cpu0) / 1e6 / images);
            }
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < names.size(); k++) {
                    int c = r % 2 == 0 ? k : names.size() - 1 - k; // ABBA: cancels linear drift too
                    String name = names.get(c);
                    double[] rc = run(name, lazy, memory, pre, threads, prefetch, epochs, images);
                    rates[c][r] = rc[0];
                    cpu[c][r] = rc[1];
                    System.out.printf(Locale.ROOT, "  rep %d %-15s %8.1f img/s  (%.2f ms CPU per image, all threads)%n",
                            r + 1, name, rc[0], rc[1]);
                }
            }
            System.out.println();
            double[] med = new double[names.size()];
            for (int c = 0; c < names.size(); c++) {
                double[] v = rates[c].clone();
                Arrays.sort(v);
                med[c] = median(v);
                double[] w = cpu[c].clone();
                Arrays.sort(w);
                System.out.printf(Locale.ROOT, "%-15s median %8.1f img/s  (min %.1f, max %.1f, spread %.1f %%); median %.2f ms CPU per image%n",
                        names.get(c), med[c], v[0], v[v.length - 1], 100 * (v[v.length - 1] - v[0]) / med[c], median(w));
            }
            double[] paired = new double[reps];
            for (int r = 0; r < reps; r++) paired[r] = rates[0][r] / rates[1][r];
            double[] sortedPaired = paired.clone();
            Arrays.sort(sortedPaired);
            System.out.printf(Locale.ROOT, "disk / memory: %.3f of medians (%.1f %% slower); per-pair ratios %s (median %.3f)%n",
                    med[0] / med[1], 100 * (1 - med[0] / med[1]), fmt(paired), median(sortedPaired));
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One configuration: {images per second, process CPU milliseconds per image}. */
    private static double[] run(String name, ImageDataset lazy, TensorDataset memory, Preprocessing pre,
                                int threads, int prefetch, int epochs, int images) {
        if (name.equals("memory/Batches")) return train(Batches.shuffled(pre.applyTo(memory), BATCH, SEED, 0), epochs, images);
        Dataset data = name.equals("disk") ? lazy : memory;
        try (DataLoader loader = DataLoader.builder(data).batchSize(BATCH).shuffle(SEED).preprocess(pre)
                .threads(threads).prefetch(prefetch).build()) {
            return train(loader, epochs, images);
        }
    }

    /**
     * {images per second, process CPU ms per image} over {@code epochs} timed epochs, after one untimed
     * warm-up epoch, on a fresh model.
     */
    private static double[] train(BatchSource source, int epochs, int images) {
        Model model = SeedNetworks.cifar().seed(SEED).withInputShape(SeedNetworks.cifarInput());
        model.compile(new Adam(1e-3), new CrossEntropy());
        model.fit(source, FitOptions.epochs(1).batchSize(BATCH).seed(SEED));
        long cpu = processCpuNanos(), t = System.nanoTime();
        model.fit(source, FitOptions.epochs(epochs).batchSize(BATCH).seed(SEED));
        double seconds = (System.nanoTime() - t) / 1e9, cpuMs = (processCpuNanos() - cpu) / 1e6;
        return new double[] {(double) images * epochs / seconds, cpuMs / ((double) images * epochs)};
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /**
     * {@code n} JPEGs in {@value #CLASSES} class folders: a class-coloured gradient under random noise, so
     * that they compress (and decode) like photographs rather than flat fills.
     */
    private static void writeJpegs(Path root, int n) throws IOException {
        SplittableRandom rng = new SplittableRandom(SEED);
        for (int c = 0; c < CLASSES; c++) Files.createDirectories(root.resolve("class" + c));
        for (int i = 0; i < n; i++) {
            int c = i % CLASSES;
            BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int r = clamp(25 * c + 3 * x + rng.nextInt(64));
                    int g = clamp(255 - 25 * c + 3 * y - rng.nextInt(64));
                    int b = clamp(128 + (x - y) * 2 + rng.nextInt(64) - 32);
                    img.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
            ImageIO.write(img, "jpeg", root.resolve("class" + c).resolve(String.format("%05d.jpg", i)).toFile());
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
        return sb.append(']').toString();
    }
}
