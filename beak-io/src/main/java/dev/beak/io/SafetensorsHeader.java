package dev.beak.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beak.data.DataFileException;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON header of a safetensors file: where each tensor's bytes lie in the data section, plus
 * optional string metadata. {@link #parse} checks everything a reader relies on, so that reading the
 * data afterwards needs no further checks: F32 only, shapes that fit an array, offsets that match the
 * shapes and tile the data section exactly (from 0, no gaps, no overlaps).
 */
record SafetensorsHeader(List<Entry> entries, Map<String, String> metadata) {
    static final String METADATA_KEY = "__metadata__";
    static final String DTYPE = "F32";
    private static final Set<String> ENTRY_FIELDS = Set.of("dtype", "shape", "data_offsets");
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 16;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One tensor: its bytes are {@code [begin, end)} of the data section. */
    record Entry(String name, int[] shape, long begin, long end) {
        int count() {
            return (int) ((end - begin) / Float.BYTES);
        }
    }

    /** The header for writing {@code tensors} back to back, in map order. */
    static SafetensorsHeader of(Map<String, Tensor> tensors, Map<String, String> metadata) {
        List<Entry> entries = new ArrayList<>(tensors.size());
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                throw new IllegalArgumentException("\"" + METADATA_KEY + "\" is reserved and cannot name a tensor");
            }
            long bytes = (long) e.getValue().size() * Float.BYTES;
            entries.add(new Entry(e.getKey(), e.getValue().shape(), offset, offset + bytes));
            offset += bytes;
        }
        return new SafetensorsHeader(List.copyOf(entries), Collections.unmodifiableMap(new LinkedHashMap<>(metadata)));
    }

    /** Size of the data section: the end of the last tensor. */
    long dataBytes() {
        return entries.stream().mapToLong(Entry::end).max().orElse(0);
    }

    /** The entries sorted by where their data lies. */
    List<Entry> inDataOrder() {
        return entries.stream().sorted(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end)).toList();
    }

    /** Compact UTF-8 JSON, metadata first, padded with spaces to a multiple of 8 bytes. */
    byte[] toPaddedJson() {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            metadata.forEach(meta::put);
        }
        for (Entry e : entries) {
            ObjectNode t = root.putObject(e.name);
            t.put("dtype", DTYPE);
            ArrayNode shape = t.putArray("shape");
            for (int d : e.shape) shape.add(d);
            t.putArray("data_offsets").add(e.begin).add(e.end);
        }
        byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    /** Parses and validates a header; {@code source} names the file in messages. */
    static SafetensorsHeader parse(byte[] json, String source) throws DataFileException {
        if (json.length == 0 || json[0] != '{') {
            throw new DataFileException(source, "header does not start with '{' (is this a safetensors file?)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new DataFileException(source, "header is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DataFileException(source, "header cannot be read: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new DataFileException(source, "header is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                parseMetadata(field.getValue(), metadata, source);
            } else {
                entries.add(parseEntry(field.getKey(), field.getValue(), source));
            }
        }
        SafetensorsHeader header = new SafetensorsHeader(List.copyOf(entries), Collections.unmodifiableMap(metadata));
        header.checkTiling(source);
        return header;
    }

    private static void parseMetadata(JsonNode node, Map<String, String> out, String source) throws DataFileException {
        if (!node.isObject()) throw new DataFileException(source, METADATA_KEY + " is not a JSON object");
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!f.getValue().isTextual()) {
                throw new DataFileException(source, METADATA_KEY + " value of '" + f.getKey() + "' is not a string: " + f.getValue());
            }
            out.put(f.getKey(), f.getValue().textValue());
        }
    }

    private static Entry parseEntry(String name, JsonNode node, String source) throws DataFileException {
        String where = "tensor '" + name + "': ";
        if (!node.isObject()) throw new DataFileException(source, where + "entry is not a JSON object: " + node);
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String field = f.getKey();
            if (!ENTRY_FIELDS.contains(field)) {
                throw new DataFileException(source, where + "unexpected field '" + field + "' (expected dtype, shape, data_offsets)");
            }
        }
        JsonNode dtype = node.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw new DataFileException(source, where + "dtype is missing or not a string");
        }
        if (!dtype.textValue().equals(DTYPE)) {
            throw new DataFileException(source, where + "dtype " + dtype.textValue()
                    + " is not supported: Beak reads only F32 tensors (convert the file to float32)");
        }
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) throw new DataFileException(source, where + "shape is missing or not an array");
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.intValue() < 0) {
                throw new DataFileException(source, where + "shape " + shapeNode + " has a bad dimension " + d);
            }
            shape[i] = d.intValue();
            count *= shape[i]; // cannot overflow: count <= 2^31 and shape[i] < 2^31 here
            if (count > MAX_ELEMENTS) {
                throw new DataFileException(source, where + "shape " + shapeNode + " has more than 2^31 elements");
            }
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !isOffset(offsets.get(0)) || !isOffset(offsets.get(1))) {
            throw new DataFileException(source, where + "data_offsets must be [begin, end] with non-negative integers, got " + offsets);
        }
        long begin = offsets.get(0).longValue(), end = offsets.get(1).longValue();
        if (end < begin) throw new DataFileException(source, where + "data_offsets " + offsets + " end before they begin");
        if (end - begin != count * Float.BYTES) {
            throw new DataFileException(source, where + "data_offsets " + offsets + " span " + (end - begin)
                    + " bytes but shape " + Shape.toString(shape) + " of F32 needs " + count * Float.BYTES);
        }
        return new Entry(name, shape, begin, end);
    }

    private static boolean isOffset(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0;
    }

    /** Checks that the tensors' byte ranges cover {@code [0, dataBytes())} exactly once. */
    private void checkTiling(String source) throws DataFileException {
        Entry previous = null;
        long covered = 0;
        for (Entry e : inDataOrder()) {
            if (e.begin < covered) {
                throw new DataFileException(source, "tensor '" + e.name + "': data_offsets [" + e.begin + ", " + e.end
                        + "] overlap tensor '" + previous.name + "' [" + previous.begin + ", " + previous.end + "]");
            }
            if (e.begin > covered) {
                throw new DataFileException(source, "tensor '" + e.name + "': data_offsets [" + e.begin + ", " + e.end
                        + "] leave bytes [" + covered + ", " + e.begin + ") of the data section unused");
            }
            covered = e.end;
            previous = e;
        }
    }
}
