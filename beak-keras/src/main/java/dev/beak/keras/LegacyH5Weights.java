package dev.beak.keras;

import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras 2's HDF5 layout: group {@code model_weights/<layer>} lists its arrays in the attribute
 * {@code weight_names} ({@code conv2d/kernel:0}, ...), each a dataset under the group at that path. A
 * nested model is one group holding all its layers' arrays, told apart by the layer name in the path.
 */
final class LegacyH5Weights implements KerasWeights {
    private final Group root;

    LegacyH5Weights(Group root) {
        this.root = root;
    }

    @Override
    public List<KerasArray> arrays(List<KerasLayer> scope, KerasLayer layer) {
        String groupName = scope.isEmpty() ? layer.name() : scope.get(0).name();
        Node g = root.getChild(groupName);
        if (!(g instanceof Group group)) return List.of();
        String[] names = H5Arrays.strings(group, "weight_names");
        List<KerasArray> out = new ArrayList<>();
        if (names == null) return out;
        for (String n : names) {
            if (!scope.isEmpty() && !KerasWeights.owner(n).equals(layer.name())) continue;
            Node d = group.getByPath(n);
            if (d == null) throw new KerasFormatException("weight " + n + " listed for layer " + groupName + " is missing");
            out.add(H5Arrays.read(d, n));
        }
        return out;
    }
}
