package dev.beak.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The long campaign: {@code FuzzMain INPUTS [SECONDS] [HARNESS...]} runs every harness (or those
 * named) on up to INPUTS inputs each (and at most SECONDS each, default unlimited), prints one line
 * per harness and exits 1 when any found an unexpected exception, a slow input or a costly one.
 * Findings are written under {@code target/fuzz-findings}. {@code ./fuzz} runs it under -Xmx512m.
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        long inputs = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 30_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : Double.MAX_VALUE;
        List<Harness> harnesses = new ArrayList<>();
        for (int i = 2; i < args.length; i++) harnesses.add(Harnesses.named(args[i]));
        if (harnesses.isEmpty()) harnesses = Harnesses.all();
        Path scratch = Files.createTempDirectory("beak-fuzz"), findings = Path.of("target", "fuzz-findings");
        long failures = 0;
        for (Harness h : harnesses) {
            Campaign.Result r = Campaign.run(h, inputs, seconds, 0xBEA4L ^ h.name().hashCode(), Campaign.Limits.DEFAULT, scratch, findings);
            System.out.println(r.line());
            failures += r.failures();
        }
        System.out.println(failures == 0 ? "no findings" : failures + " findings, kept under " + findings.toAbsolutePath());
        System.exit(failures == 0 ? 0 : 1);
    }
}
