package dev.beak.cli;

import dev.beak.data.BadEntry;
import dev.beak.data.Cifar;
import dev.beak.data.DataFileException;
import dev.beak.data.Downloader;
import dev.beak.data.Inspector;
import dev.beak.data.Mnist;
import dev.beak.data.PublicDataset;
import dev.beak.data.augment.Augmentation;
import dev.beak.data.augment.Augmentations;
import dev.beak.data.image.FloatImage;
import dev.beak.data.image.ImageFiles;
import dev.beak.data.image.ImageFolder;
import dev.beak.data.image.ImageOptions;
import dev.beak.data.image.ResizeMode;
import dev.beak.dataset.TensorDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** {@code beak data get|inspect|preview}: fetch public datasets, check data folders and files, look at augmentation. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Fetch, inspect and preview datasets.",
        subcommands = {DataCommand.Get.class, DataCommand.Inspect.class, DataCommand.Preview.class})
final class DataCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Fetch mnist, fashion-mnist, cifar10 or cifar100 into the cache ($BEAK_CACHE or ~/.cache/beak), checking SHA-256.")
    static final class Get implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "mnist, fashion-mnist, cifar10 or cifar100.")
        String name;

        @Option(names = "--cache", description = "Cache folder (default: $BEAK_CACHE, else ~/.cache/beak).")
        Path cache;

        @Option(names = "--mirror", paramLabel = "URL", description = "Fetch the files from this base URL instead of their usual addresses.")
        String mirror;

        @Mixin OutputOptions output;

        @Override
        public Integer call() throws Exception {
            var out = output.human();
            PublicDataset d = PublicDataset.parse(name);
            Downloader downloader = new Downloader(cache != null ? cache : Downloader.defaultCache(), mirror);
            Path dir = downloader.fetch(d, line -> {
                out.println(line);
                out.flush();
            });
            out.println(d.id() + " is ready in " + dir + "; train with: beak train --data " + dir);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", d.id());
            m.put("folder", dir.toString());
            m.put("files", d.files().size());
            output.result(m);
            return 0;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Classes, counts per class, image sizes and channels, and every bad entry with its problem.")
    static final class Inspect implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PATH", description = "An image folder (one subfolder per class), an IDX or CIFAR file, or a folder of them.")
        Path path;

        @Mixin OutputOptions output;

        @Override
        public Integer call() throws Exception {
            var out = output.human();
            List<Inspector.Report> reports = Inspector.inspect(path, Runtime.getRuntime().availableProcessors());
            List<Object> all = new ArrayList<>();
            int bad = 0;
            for (Inspector.Report r : reports) {
                out.printf(Locale.ROOT, "%s (%s): %d classes, %,d samples%n", r.path(), r.format(), r.classes().size(), r.samples());
                for (int i = 0; i < r.classes().size(); i++) out.printf(Locale.ROOT, "  %-20s %,d%n", r.classes().get(i), r.counts()[i]);
                if (!r.sizes().isEmpty()) out.println("Sizes (HxW): " + counted(r.sizes()));
                if (!r.channels().isEmpty()) out.println("Channels: " + counted(r.channels()));
                if (r.ignored() > 0) out.println("Ignored " + r.ignored() + " file(s) without an image extension");
                if (!r.bad().isEmpty()) {
                    out.println("Bad entries (" + r.bad().size() + "):");
                    for (BadEntry b : r.bad()) out.println("  " + b);
                }
                bad += r.bad().size();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", r.path());
                m.put("format", r.format());
                m.put("classes", r.classes());
                m.put("counts", r.counts());
                m.put("samples", r.samples());
                m.put("sizes", r.sizes());
                m.put("channels", r.channels());
                m.put("ignored", r.ignored());
                List<Map<String, String>> badList = new ArrayList<>();
                for (BadEntry b : r.bad()) badList.add(Map.of("file", b.source(), "problem", b.problem()));
                m.put("bad", badList);
                all.add(m);
            }
            if (bad == 0) out.println("No bad entries.");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bad_entries", bad);
            m.put("sources", all);
            output.result(m);
            return 0;
        }

        private static String counted(Map<?, Integer> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(k + " (" + v + ")"));
            return String.join(", ", parts);
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "A PNG grid of augmented samples: one row per image, the original first.")
    static final class Preview implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PATH", description = "An image folder, or a CIFAR or IDX folder.")
        Path path;

        @Option(names = "--augment", paramLabel = "SPEC", required = true, description = AugmentSpec.HELP)
        String augment;

        @Option(names = "--out", required = true, description = "PNG file to write.")
        Path out;

        @Option(names = "--count", defaultValue = "6", description = "Images, one per row (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--variants", defaultValue = "7", description = "Augmented copies per image (default: ${DEFAULT-VALUE}).")
        int variants;

        @Option(names = "--image-size", paramLabel = "H[xW]", defaultValue = "128", description = "Image folders: size before augmentation (default: ${DEFAULT-VALUE}).")
        String imageSize;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the augmentation (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws Exception {
            Augmentation aug = AugmentSpec.parse(augment);
            if (aug == null) throw new IllegalArgumentException("--augment needs at least one augmentation");
            List<FloatImage> images = samples();
            int[] cell = aug.outputShape(images.getFirst().shape());
            int gap = 2, ch = cell[0], h = cell[1], w = cell[2], cols = variants + 1, rows = images.size();
            int gh = rows * (h + gap) + gap, gw = cols * (w + gap) + gap;
            float[] grid = new float[ch * gh * gw];
            java.util.Arrays.fill(grid, 255);
            SplittableRandom rng = new SplittableRandom(seed);
            for (int r = 0; r < rows; r++) {
                FloatImage original = images.get(r);
                for (int c = 0; c < cols; c++) {
                    FloatImage img = c == 0 ? Augmentations.centerCrop(h, w).apply(original, rng) : aug.apply(original, rng.split());
                    place(grid, ch, gh, gw, img, gap + r * (h + gap), gap + c * (w + gap));
                }
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            ImageFiles.write(new FloatImage(ch, gh, gw, grid), out);
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s: %d images x (original + %d augmented), %dx%d each%n", out, rows, variants, h, w);
            spec.commandLine().getOut().flush();
            return 0;
        }

        /** Up to {@code count} images spread over the classes, pixels 0..255. */
        private List<FloatImage> samples() throws Exception {
            List<FloatImage> list = new ArrayList<>();
            if (Files.isDirectory(path) && (Cifar.isCifarDir(path) || Files.exists(path.resolve("t10k-images-idx3-ubyte.gz"))
                    || Files.exists(path.resolve("t10k-images-idx3-ubyte")))) {
                TensorDataset d = Cifar.isCifarDir(path) ? Cifar.loadDir(path, "test") : Mnist.loadDir(path, "test");
                int[] s = d.sampleShape();
                int per = s[0] * s[1] * s[2];
                for (int i = 0; i < Math.min(count, d.size()); i++) {
                    float[] px = java.util.Arrays.copyOfRange(d.x().data(), i * per, (i + 1) * per);
                    for (int k = 0; k < per; k++) px[k] *= 255;
                    list.add(new FloatImage(s[0], s[1], s[2], px));
                }
                return list;
            }
            int[] hw = AugmentSpec.size(imageSize);
            ImageFolder folder = ImageFolder.scan(path);
            ImageOptions opts = ImageOptions.of(hw[0], hw[1]).withResize(ResizeMode.CROP);
            int n = Math.min(count, folder.size());
            // Evenly spread over the (class-ordered) files; a bad file is named and its next neighbour taken.
            for (int i = 0; i < n; i++) {
                for (int k = (int) ((long) i * folder.size() / n); k < folder.size(); k++) {
                    try {
                        list.add(ImageFiles.decode(folder.entries().get(k).file(), opts.color(), hw[0], hw[1], opts.resize()));
                        break;
                    } catch (DataFileException e) {
                        spec.commandLine().getErr().println("skipping " + e.getMessage());
                    }
                }
            }
            if (list.isEmpty()) throw new IllegalArgumentException("no image in " + path + " could be decoded");
            return list;
        }

        private static void place(float[] grid, int ch, int gh, int gw, FloatImage img, int y, int x) {
            FloatImage src = img.withChannels(ch);
            for (int c = 0; c < ch; c++) {
                for (int r = 0; r < src.height(); r++) {
                    System.arraycopy(src.data(), (c * src.height() + r) * src.width(), grid, (c * gh + y + r) * gw + x, src.width());
                }
            }
        }
    }
}
