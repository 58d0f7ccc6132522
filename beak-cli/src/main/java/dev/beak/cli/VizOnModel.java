package dev.beak.cli;

import dev.beak.io.SavedModel;
import dev.beak.nn.Model;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code beak viz} commands on a model: the MODEL argument and the input value range. */
abstract class VizOnModel extends VizBase {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .beak model file, an .onnx or Keras model, or a zoo network (untrained).")
    String modelArg;

    @Option(names = "--range", paramLabel = "LO,HI", defaultValue = "0,1",
            description = "Value range of the model's input pixels (default: ${DEFAULT-VALUE}).")
    String range;

    private SavedModel saved;

    /** The model file with what travels in it (the preprocessing its inputs need); ONNX models have none. */
    SavedModel saved() throws Exception {
        if (saved == null) {
            saved = modelArg.endsWith(".onnx") || ModelSource.isNamed(modelArg) ? new SavedModel(ModelSource.resolve(modelArg, 0), Map.of())
                    : ModelSource.loadAny(modelArg);
        }
        return saved;
    }

    Model model() throws Exception {
        return saved().model();
    }

    float lo() {
        return rangeParts()[0];
    }

    float hi() {
        return rangeParts()[1];
    }

    private float[] rangeParts() {
        String[] p = range.split(",");
        try {
            if (p.length == 2) {
                float l = Float.parseFloat(p[0].trim()), h = Float.parseFloat(p[1].trim());
                if (h > l) return new float[] {l, h};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--range must be LO,HI with LO < HI, got \"" + range + "\"");
    }
}
