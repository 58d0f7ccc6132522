package dev.beak.data.bench;

import dev.beak.data.augment.Augmentations;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.ImageOptions;
import dev.beak.data.image.SyntheticShapes;
import dev.beak.data.loader.DataLoader;
import dev.beak.dataset.Batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Throughput of the training input pipeline (not a test): 256x256 JPEGs decoded, randomly cropped to
 * 224x224 and flipped on the DataLoader's background threads, in batches of 32.
 * Arguments: [threads (default: cores)] [images (default 400)] [epochs (default 4)].
 */
public final class DecodeAugmentBenchmark {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 400, epochs = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path dir = Files.createTempDirectory("beak-bench");
        SyntheticShapes.write(dir, 2, images / 2, 256, 1);
        var data = ImageFolder.scan(dir).dataset(ImageOptions.of(256, 256));
        try (DataLoader loader = DataLoader.builder(data).batchSize(32).shuffle(1).threads(threads).prefetch(2 * threads)
                .augment(Augmentations.randomCrop(224, 224).then(Augmentations.flipHorizontal())).build()) {
            // CPU time of the whole process too: on a shared machine, wall time measures the neighbours as well.
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int e = 0; e <= epochs; e++) {
                long start = System.nanoTime(), cpu0 = os.getProcessCpuTime();
                int n = 0;
                for (Batch b : loader.epoch(e + 1)) n += b.size();
                double s = (System.nanoTime() - start) / 1e9, cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
                System.out.printf(Locale.ROOT, "%s %d: %d images (3x224x224) in %.2f s = %.0f images/s on %d threads;"
                                + " %.2f CPU ms per image = %.0f images/s per dedicated core%n",
                        e == 0 ? "warm-up" : "epoch  ", e, n, s, n / s, threads, cpuMs, 1000 / cpuMs);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
