package dev.beak.keras;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow.js' weights: {@code weightsManifest} groups, each a list of weight entries (name, shape,
 * dtype, optional {@code quantization}) stored back to back, little-endian, across the group's shard
 * files in order. Quantized entries (uint8, uint16) are decoded as {@code q * scale + min}, float16
 * ones as half floats. Shard sizes are checked against the entries before anything is read.
 */
final class TfjsWeights implements KerasWeights {
    /** At most 2 GiB of weights in one group of shards. */
    static final long MAX_GROUP_BYTES = Integer.MAX_VALUE - 8;

    private final List<KerasArray> arrays;

    private TfjsWeights(List<KerasArray> arrays) {
        this.arrays = arrays;
    }

    static TfjsWeights read(JsonNode manifest, Path folder) throws IOException {
        List<KerasArray> arrays = new ArrayList<>();
        if (manifest == null) return new TfjsWeights(arrays);
        if (!manifest.isArray()) throw new KerasFormatException("weightsManifest is not a list");
        for (JsonNode group : manifest) {
            List<JsonNode> entries = new ArrayList<>();
            group.path("weights").forEach(entries::add);
            long need = 0;
            for (JsonNode e : entries) need += bytes(e);
            long have = 0;
            List<Path> shards = new ArrayList<>();
            for (JsonNode p : group.path("paths")) {
                Path shard = folder.resolve(p.asText()).normalize();
                if (!shard.startsWith(folder.normalize())) throw new KerasFormatException("weight shard " + p.asText() + " lies outside the model's folder");
                if (!Files.isRegularFile(shard)) throw new KerasFormatException("weight shard " + p.asText() + " is missing");
                shards.add(shard);
                have += Files.size(shard);
            }
            if (need > MAX_GROUP_BYTES) throw new KerasFormatException("a weight group declares " + need + " bytes, more than " + MAX_GROUP_BYTES);
            if (have != need) throw new KerasFormatException("the weight shards " + group.path("paths") + " hold " + have + " bytes, the manifest needs " + need);
            ByteBuffer all = ByteBuffer.allocate((int) need).order(ByteOrder.LITTLE_ENDIAN);
            for (Path s : shards) all.put(Files.readAllBytes(s));
            all.flip();
            for (JsonNode e : entries) arrays.add(decode(e, all));
        }
        return new TfjsWeights(arrays);
    }

    private static long bytes(JsonNode e) {
        long n = 1;
        for (JsonNode d : e.path("shape")) {
            if (!d.canConvertToInt() || d.asInt() < 0) throw new KerasFormatException("weight " + e.path("name").asText() + " has a bad shape " + e.path("shape"));
            n *= d.asInt();
            if (n > H5Arrays.MAX_VALUES) throw new KerasFormatException("weight " + e.path("name").asText() + " declares more than " + H5Arrays.MAX_VALUES + " values");
        }
        return n * width(e);
    }

    private static String storedType(JsonNode e) {
        JsonNode q = e.get("quantization");
        return q != null ? q.path("dtype").asText() : e.path("dtype").asText("float32");
    }

    private static int width(JsonNode e) {
        return switch (storedType(e)) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new KerasFormatException("weight " + e.path("name").asText() + " has unsupported dtype " + storedType(e));
        };
    }

    private static KerasArray decode(JsonNode e, ByteBuffer buf) {
        String name = e.path("name").asText();
        int[] shape = new int[e.path("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = e.path("shape").get(i).asInt();
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        JsonNode q = e.get("quantization");
        double scale = q == null ? 1 : q.path("scale").asDouble(), min = q == null ? 0 : q.path("min").asDouble();
        String type = storedType(e);
        for (int i = 0; i < n; i++) {
            v[i] = switch (type) {
                case "float32" -> buf.getFloat();
                case "int32" -> buf.getInt();
                case "float16" -> Float.float16ToFloat(buf.getShort());
                case "uint16" -> (float) ((buf.getShort() & 0xffff) * scale + min);
                default -> (float) ((buf.get() & 0xff) * scale + min);
            };
        }
        return new KerasArray(name, shape, v);
    }

    @Override
    public List<KerasArray> arrays(List<KerasLayer> scope, KerasLayer layer) {
        List<KerasArray> out = new ArrayList<>();
        for (KerasArray a : arrays) if (KerasWeights.owner(a.name()).equals(layer.name())) out.add(a);
        return out;
    }
}
