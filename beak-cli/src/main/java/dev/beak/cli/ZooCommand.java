package dev.beak.cli;

import dev.beak.nn.ModelProfile;
import dev.beak.nn.zoo.Zoo;
import dev.beak.tensor.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Lists the zoo's networks with their reference input, classes, parameters and multiply-adds (no weights allocated). */
@Command(name = "zoo", mixinStandardHelpOptions = true,
        description = "The classic networks by name, with input, classes, parameters and multiply-adds per image "
                + "(1 multiply-add = 2 FLOPs); use a name wherever a model is accepted (summary, train --model, viz).")
final class ZooCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        var out = output.human();
        out.printf(Locale.ROOT, "%-16s %-15s %7s %14s %11s %11s  %s%n", "Name", "Input", "Classes", "Parameters", "Mult-adds", "FLOPs", "Description");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Zoo.Entry e : Zoo.entries()) {
            ModelProfile p = e.profile(e.defaults());
            out.printf(Locale.ROOT, "%-16s %-15s %7d %,14d %11s %11s  %s%n", e.name(), Shape.toString(e.defaults().inputShape()),
                    e.defaults().classes(), p.parameters(), ModelProfile.count(p.multiplyAdds()), ModelProfile.count(p.flops()), e.description());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", e.name());
            row.put("input_shape", e.defaults().inputShape());
            row.put("classes", e.defaults().classes());
            row.put("parameters", p.parameters());
            row.put("multiply_adds", p.multiplyAdds());
            row.put("flops", p.flops());
            row.put("activations", p.activations());
            row.put("description", e.description());
            rows.add(row);
        }
        out.println("Options: --classes N, --input-shape C,H,W, --width W (beak summary NAME ..., beak train --model NAME ...).");
        output.result(Map.of("networks", rows));
        return 0;
    }
}
