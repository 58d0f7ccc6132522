package dev.beak.nn.layer;

import dev.beak.ops.Padding;

import java.util.List;

/** {@link Padding} to and from its model-file form: "valid", "same" or [top, bottom, left, right]. */
final class Paddings {
    private Paddings() {}

    static Object toConfig(Padding p) {
        return switch (p) {
            case Padding.Valid v -> "valid";
            case Padding.Same s -> "same";
            case Padding.Explicit e -> List.of(e.top(), e.bottom(), e.left(), e.right());
        };
    }

    static Padding fromConfig(Object o) {
        if ("valid".equals(o)) return Padding.VALID;
        if ("same".equals(o)) return Padding.SAME;
        if (o instanceof List<?> l && l.size() == 4) {
            return new Padding.Explicit(LayerConfigs.toInt(l.get(0)), LayerConfigs.toInt(l.get(1)),
                    LayerConfigs.toInt(l.get(2)), LayerConfigs.toInt(l.get(3)));
        }
        throw new IllegalArgumentException("padding must be \"valid\", \"same\" or [top, bottom, left, right], got " + o);
    }
}
