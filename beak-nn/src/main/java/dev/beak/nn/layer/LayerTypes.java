package dev.beak.nn.layer;

import dev.beak.config.RecordConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registry of layer types that model files can hold: a type name and the record class of its
 * spec. A spec's configuration is its record components, written and read by {@link RecordConfig};
 * no layer writes its own. Beak's own layers are registered here, other modules' through a
 * {@link LayerTypeProvider} service, and user code registers its own records:
 *
 * {@snippet :
 * public record Scale(float factor) implements LayerSpec { ... }
 * LayerTypes.register(Scale.class);              // saved as "Scale" and loaded back
 * }
 */
public final class LayerTypes {
    private static final Map<String, Class<? extends LayerSpec>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();
    private static boolean providersLoaded;

    static {
        for (Class<? extends LayerSpec> c : List.of(Conv2d.class, Conv1d.class, ConvTranspose2d.class, ConvTranspose1d.class,
                MaxPool2d.class, MaxPool1d.class, AvgPool2d.class, AvgPool1d.class, LpPool2d.class, LpPool1d.class, GlobalPool.class,
                Flatten.class, Dense.class, Dropout.class, BatchNorm.class, GroupNorm.class, InstanceNorm.class, LayerNorm.class,
                LocalResponseNorm.class, ActivationLayer.class, LeakyRelu.class, Elu.class, HardSigmoid.class, PRelu.class,
                Maxout.class, Add.class, Concat.class,
                ZeroPad2d.class, Crop2d.class, Upsample2d.class, Reshape.class, Permute.class, Merge.class, Rescale.class,
                ClippedRelu.class, PReluNd.class, SpatialDropout.class)) {
            put(c.getSimpleName(), c);
        }
    }

    private LayerTypes() {}

    /** Registers a layer spec record under its simple class name. */
    public static void register(Class<? extends LayerSpec> type) {
        register(type.getSimpleName(), type);
    }

    /** Registers a layer spec record under {@code name}; registering the same pair again does nothing. */
    public static synchronized void register(String name, Class<? extends LayerSpec> type) {
        if (!type.isRecord()) throw new IllegalArgumentException("layer type " + name + ": " + type.getName() + " must be a record");
        Class<?> taken = BY_NAME.get(name);
        if (taken != null && taken != type) {
            throw new IllegalArgumentException("layer type name \"" + name + "\" is taken by " + taken.getName() + "; register " + type.getName() + " under another name");
        }
        String other = BY_CLASS.get(type);
        if (other != null && !other.equals(name)) throw new IllegalArgumentException(type.getName() + " is registered already as \"" + other + "\"");
        put(name, type);
    }

    /** The registered type names. */
    public static synchronized Set<String> names() {
        loadProviders();
        return Set.copyOf(BY_NAME.keySet());
    }

    /** The registered record class of type {@code name}. */
    public static synchronized Class<? extends LayerSpec> classOf(String name) {
        loadProviders();
        Class<? extends LayerSpec> c = BY_NAME.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown layer type \"" + name + "\" (known: " + String.join(", ", BY_NAME.keySet())
                    + "; a custom layer must be registered with LayerTypes.register before loading, and a module's"
                    + " layers need that module present: beak-onnx for imported ONNX nodes)");
        }
        return c;
    }

    /** The type name of {@code spec} in model files. */
    public static synchronized String nameOf(LayerSpec spec) {
        loadProviders();
        String name = BY_CLASS.get(spec.getClass());
        if (name == null) {
            throw new IllegalArgumentException("layer type " + spec.getClass().getName()
                    + " is not registered: call LayerTypes.register(" + spec.getClass().getSimpleName() + ".class) to save it");
        }
        return name;
    }

    /** The model-file configuration of {@code spec}: its record components (see {@link RecordConfig}). */
    public static Map<String, Object> write(LayerSpec spec) {
        nameOf(spec);
        return RecordConfig.write((Record) spec);
    }

    /** The spec of type {@code name} described by {@code config}; a bad field fails naming the type and the field. */
    public static LayerSpec read(String name, Map<String, ?> config) {
        Class<? extends LayerSpec> c = classOf(name);
        try {
            return c.cast(RecordConfig.read(c.asSubclass(Record.class), config));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static void put(String name, Class<? extends LayerSpec> type) {
        BY_NAME.put(name, type);
        BY_CLASS.put(type, name);
    }

    private static void loadProviders() {
        if (providersLoaded) return;
        providersLoaded = true;
        for (LayerTypeProvider p : ServiceLoader.load(LayerTypeProvider.class, LayerTypes.class.getClassLoader())) {
            p.layerTypes().forEach((name, type) -> register(name, type));
        }
    }
}
