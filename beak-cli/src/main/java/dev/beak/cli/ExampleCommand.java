package dev.beak.cli;

import dev.beak.examples.Example;
import dev.beak.examples.ExampleResult;
import dev.beak.examples.Examples;
import dev.beak.examples.MissingDataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code beak example list} and {@code beak example NAME [--quick] [--json]}: thin printing over beak-examples. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Runnable examples that learn on real data (text, speech, board game, the seed programs). "
                + "'beak example list' shows them; 'beak example NAME' trains and tests one and prints its accuracy beside its baseline.")
final class ExampleCommand implements Callable<Integer> {
    @Mixin OutputOptions output;

    @Parameters(index = "0", paramLabel = "NAME|list", description = "An example's name, or 'list'.")
    String name;

    @Option(names = "--quick", description = "The small version (under a minute on 2 cores) that CI runs.")
    boolean quick;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the data split, initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = output.human();
        if (name.equals("list")) return list(log);
        Example e = Examples.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown example \"" + name + "\" (known: "
                + String.join(", ", Examples.all().stream().map(Example::name).toList()) + "; see beak example list)"));
        log.printf(Locale.ROOT, "%s%s: %s%n", e.name(), quick ? " (quick)" : "", e.description());
        log.flush();
        ExampleResult r;
        try {
            r = e.run(quick, seed, log);
        } catch (MissingDataException missing) {
            throw new IllegalArgumentException("example " + e.name() + ": " + missing.getMessage(), missing);
        }
        log.printf(Locale.ROOT, "%s: test accuracy %.4f, baseline (%s) %.4f, margin %+.4f; %,d training and %,d test samples, %.1f s%n",
                r.example(), r.accuracy(), r.baselineName(), r.baseline(), r.margin(), r.trainSamples(), r.testSamples(), r.seconds());
        // Counts (parameters, samples) as whole numbers; accuracies (at most 1) and other fractions with four decimals.
        r.extra().forEach((k, v) -> log.printf(Locale.ROOT, v == Math.rint(v) && Math.abs(v) > 1 ? "  %s: %,.0f%n" : "  %s: %.4f%n", k, v));
        output.result(figures(r));
        return 0;
    }

    private int list(PrintWriter out) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (Example e : Examples.all()) {
            out.printf(Locale.ROOT, "%-14s %s%n%-14s   data: %s%n", e.name(), e.description(), "", e.data());
            rows.put(e.name(), Map.of("description", e.description(), "data", e.data(), "packages", e.packages()));
        }
        out.println("Run one with: beak example NAME [--quick] [--json]");
        output.result(Map.of("examples", rows));
        return 0;
    }

    static Map<String, Object> figures(ExampleResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("example", r.example());
        m.put("test_accuracy", r.accuracy());
        m.put("baseline", r.baseline());
        m.put("baseline_name", r.baselineName());
        m.put("margin", r.margin());
        m.put("train_samples", r.trainSamples());
        m.put("test_samples", r.testSamples());
        m.put("seconds", r.seconds());
        m.putAll(r.extra());
        return m;
    }
}
