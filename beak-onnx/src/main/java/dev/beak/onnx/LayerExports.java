package dev.beak.onnx;

import dev.beak.nn.layer.ActivationLayer;
import dev.beak.nn.layer.Add;
import dev.beak.nn.layer.AvgPool1d;
import dev.beak.nn.layer.AvgPool2d;
import dev.beak.nn.layer.BatchNorm;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Conv1d;
import dev.beak.nn.layer.Conv2d;
import dev.beak.nn.layer.ConvTranspose1d;
import dev.beak.nn.layer.ConvTranspose2d;
import dev.beak.nn.layer.Dense;
import dev.beak.nn.layer.Elu;
import dev.beak.nn.layer.Flatten;
import dev.beak.nn.layer.GlobalPool;
import dev.beak.nn.layer.GroupNorm;
import dev.beak.nn.layer.HardSigmoid;
import dev.beak.nn.layer.InstanceNorm;
import dev.beak.nn.layer.LayerNorm;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LeakyRelu;
import dev.beak.nn.layer.LocalResponseNorm;
import dev.beak.nn.layer.LpPool1d;
import dev.beak.nn.layer.LpPool2d;
import dev.beak.nn.layer.MaxPool1d;
import dev.beak.nn.layer.MaxPool2d;
import dev.beak.nn.layer.Maxout;
import dev.beak.nn.layer.PRelu;
import dev.beak.nn.layer.ClippedRelu;
import dev.beak.nn.layer.Crop2d;
import dev.beak.nn.layer.Embedding;
import dev.beak.nn.layer.Merge;
import dev.beak.nn.layer.PReluNd;
import dev.beak.nn.layer.PaddingMask;
import dev.beak.nn.layer.Permute;
import dev.beak.nn.layer.Rescale;
import dev.beak.nn.layer.Reshape;
import dev.beak.nn.layer.Upsample2d;
import dev.beak.nn.layer.ZeroPad2d;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one table from Beak layer types to ONNX: spec record class and how it is written. Adding a
 * layer type to the export is a row here and, when it needs code, a small method in one of the
 * export classes. Dropout and SpatialDropout have no row: at inference they pass their input on, so
 * the exporter leaves them out. Imported ONNX nodes ({@link OnnxNodeSpec}) are written back by {@link OnnxNodeExport}.
 */
final class LayerExports {
    private LayerExports() {}

    private static final Map<Class<?>, LayerExport<?>> TABLE = new LinkedHashMap<>();

    static {
        row(Conv2d.class, ConvExports::conv2d);
        row(Conv1d.class, ConvExports::conv1d);
        row(ConvTranspose2d.class, ConvExports::convTranspose2d);
        row(ConvTranspose1d.class, ConvExports::convTranspose1d);
        row(Dense.class, ConvExports::dense);
        row(MaxPool2d.class, PoolExports::maxPool2d);
        row(MaxPool1d.class, PoolExports::maxPool1d);
        row(AvgPool2d.class, PoolExports::avgPool2d);
        row(AvgPool1d.class, PoolExports::avgPool1d);
        row(LpPool2d.class, PoolExports::lpPool2d);
        row(LpPool1d.class, PoolExports::lpPool1d);
        row(GlobalPool.class, PoolExports::globalPool);
        row(Flatten.class, PoolExports::flatten);
        row(BatchNorm.class, NormExports::batchNorm);
        row(GroupNorm.class, NormExports::groupNorm);
        row(InstanceNorm.class, NormExports::instanceNorm);
        row(LayerNorm.class, NormExports::layerNorm);
        row(LocalResponseNorm.class, NormExports::lrn);
        row(ActivationLayer.class, ActivationExports::activationLayer);
        row(LeakyRelu.class, ActivationExports::leakyRelu);
        row(Elu.class, ActivationExports::elu);
        row(HardSigmoid.class, ActivationExports::hardSigmoid);
        row(PRelu.class, ActivationExports::prelu);
        row(Maxout.class, ActivationExports::maxout);
        row(Add.class, ActivationExports::add);
        row(Concat.class, ActivationExports::concat);
        row(Merge.class, ActivationExports::merge);
        row(Rescale.class, ActivationExports::rescale);
        row(ClippedRelu.class, ActivationExports::clippedRelu);
        row(PReluNd.class, ActivationExports::preluNd);
        row(ZeroPad2d.class, ShapeExports::zeroPad2d);
        row(Crop2d.class, ShapeExports::crop2d);
        row(Upsample2d.class, ShapeExports::upsample2d);
        row(Reshape.class, ShapeExports::reshape);
        row(Permute.class, ShapeExports::permute);
        row(Embedding.class, TextExports::embedding);
        row(PaddingMask.class, TextExports::paddingMask);
    }

    private static <S extends LayerSpec> void row(Class<S> type, LayerExport<S> export) {
        TABLE.put(type, export);
    }

    /** The layer types with a row. */
    static Set<Class<?>> types() {
        return TABLE.keySet();
    }

    /** Writes {@code spec} through its row, or fails naming the layer and its type. */
    @SuppressWarnings("unchecked")
    static void write(LayerSpec spec, ExportStep step) {
        LayerExport<LayerSpec> export = (LayerExport<LayerSpec>) TABLE.get(spec.getClass());
        if (export == null) {
            throw new IllegalArgumentException("layer " + step.name() + " (" + spec.getClass().getSimpleName()
                    + ") has no ONNX form: Beak's ONNX export writes " + TABLE.keySet().stream().map(Class::getSimpleName).sorted().toList()
                    + ", Dropout, SpatialDropout and imported ONNX nodes");
        }
        export.write(spec, step);
    }
}
