package dev.beak.keras;

import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3's {@code model.weights.h5}: the arrays of a layer are datasets {@code 0, 1, ...} in group
 * {@code layers/<key>/vars}, where the key is the layer's snake-case class name numbered within its
 * model ({@code conv2d}, {@code conv2d_1}); a nested model's layers sit under {@code layers/<its key>/layers}.
 */
final class Keras3Weights implements KerasWeights {
    private final Group root;

    Keras3Weights(Group root) {
        this.root = root;
    }

    @Override
    public List<KerasArray> arrays(List<KerasLayer> scope, KerasLayer layer) {
        StringBuilder path = new StringBuilder();
        for (KerasLayer s : scope) path.append("layers/").append(s.weightsKey()).append('/');
        path.append("layers/").append(layer.weightsKey()).append("/vars");
        Node vars;
        try {
            vars = root.getByPath(path.toString());
        } catch (RuntimeException e) {
            return List.of();
        }
        if (!(vars instanceof Group g)) return List.of();
        List<KerasArray> out = new ArrayList<>();
        for (int i = 0; g.getChild(Integer.toString(i)) != null; i++) out.add(H5Arrays.read(g.getChild(Integer.toString(i)), path + "/" + i));
        if (out.size() != g.getChildren().size()) throw new KerasFormatException(path + " holds arrays not numbered 0.." + (out.size() - 1));
        return out;
    }

    @Override
    public boolean named() {
        return false;
    }
}
