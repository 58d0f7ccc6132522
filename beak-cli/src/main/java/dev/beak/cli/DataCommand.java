package dev.beak.cli;

import dev.beak.data.BadEntry;
import dev.beak.data.Downloader;
import dev.beak.data.Inspector;
import dev.beak.data.PublicDataset;
import dev.beak.command.Json;
import dev.beak.data.augment.Augmentation;
import dev.beak.data.augment.AugmentationPreview;
import dev.beak.data.image.FloatImage;
import dev.beak.data.image.ImageFiles;
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

        @Mixin OutputOptions output;

        @Override
        public Integer call() throws Exception {
            Augmentation aug = AugmentSpec.parse(augment);
            if (aug == null) throw new IllegalArgumentException("--augment needs at least one augmentation");
            int[] hw = AugmentSpec.size(imageSize);
            List<FloatImage> images = AugmentationPreview.samples(path, count, hw[0], hw[1], output.err()::println);
            FloatImage grid = AugmentationPreview.grid(images, aug, variants, seed);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            ImageFiles.write(grid, out);
            int[] cell = aug.outputShape(images.getFirst().shape());
            output.human().printf(Locale.ROOT, "Wrote %s: %d images x (original + %d augmented), %dx%d each%n", out, images.size(), variants, cell[1], cell[2]);
            output.result(Json.object("file", out.toString(), "images", images.size(), "variants", variants, "height", cell[1], "width", cell[2],
                    "grid_height", grid.height(), "grid_width", grid.width()));
            return 0;
        }
    }
}
