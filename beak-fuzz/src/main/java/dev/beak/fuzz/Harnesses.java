package dev.beak.fuzz;

import java.util.List;

/** Every harness, by name: one per loader. */
public final class Harnesses {
    private Harnesses() {}

    public static List<Harness> all() {
        return List.of(ModelHarnesses.modelFile(), ModelHarnesses.modelJson(), ModelHarnesses.safetensors(), OnnxHarnesses.model(),
                OnnxHarnesses.tensor(), DataHarnesses.idx(), DataHarnesses.cifar(), DataHarnesses.image(), DataHarnesses.imageFolder(),
                KerasHarnesses.h5(), KerasHarnesses.archive(), KerasHarnesses.kerasConfig(), KerasHarnesses.tfjsJson(), KerasHarnesses.tfjsShard(),
                FeatureHarnesses.featureFile());
    }

    public static Harness named(String name) {
        return all().stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no harness " + name + "; there are "
                        + all().stream().map(Harness::name).toList()));
    }
}
