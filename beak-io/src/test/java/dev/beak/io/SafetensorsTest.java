package dev.beak.io;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SafetensorsTest {
    @TempDir
    Path dir;

    private static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Safetensors.write(tensors, metadata, out);
        return out.toByteArray();
    }

    private static Map<String, Tensor> sample() {
        SplittableRandom rng = new SplittableRandom(7);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("conv1.weight", Tensor.randn(rng, 4, 3, 3, 3));
        t.put("conv1.bias", Tensor.of(new float[] {Float.NaN, -0f, Float.POSITIVE_INFINITY, Float.MIN_VALUE}, 4));
        t.put("step", Tensor.scalar(42f));
        t.put("empty", Tensor.zeros(0, 5));
        t.put("big", Tensor.randn(rng, 70_001)); // more than one conversion chunk, odd size
        t.put("a.last", Tensor.full(3.25f, 2, 2));
        return t;
    }

    @Test
    void roundTripKeepsOrderShapesBitsAndMetadata() throws IOException {
        Map<String, Tensor> in = sample();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "beak");
        meta.put("note", "ünïcödé ✓");

        SafetensorsContents back = Safetensors.readContents(new ByteArrayInputStream(toBytes(in, meta)), "memory");

        assertSameTensors(back.tensors(), in);
        assertThat(back.metadata()).containsExactlyEntriesOf(meta);
    }

    @Test
    void roundTripsThroughAFileWithoutMetadata() throws IOException {
        Path file = dir.resolve("sub/weights.safetensors");
        Safetensors.write(file, sample(), Map.of());
        assertSameTensors(Safetensors.read(file), sample());
        assertThat(Safetensors.readContents(file).metadata()).isEmpty();
        assertThat(Files.size(file)).isEqualTo(toBytes(sample(), Map.of()).length);
    }

    @Test
    void roundTripsNoTensorsAtAll() throws IOException {
        byte[] bytes = toBytes(Map.of(), Map.of());
        assertThat(bytes).hasSize(16); // length 8, then "{}" padded to 8
        assertThat(Safetensors.read(new ByteArrayInputStream(bytes), "none")).isEmpty();
    }

    @Test
    void tinyFileHasTheExactLayout() throws IOException {
        byte[] bytes = toBytes(Map.of("a", Tensor.of(new float[] {1f, -2f}, 2)), Map.of());

        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        int padded = (json.length() + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getLong(0)).isEqualTo(padded);
        assertThat(new String(bytes, 8, padded, StandardCharsets.UTF_8)).isEqualTo(json + " ".repeat(padded - json.length()));
        assertThat((8 + padded) % 8).isZero();
        // 1.0f = 0x3F800000, -2.0f = 0xC0000000, little-endian
        assertThat(Arrays.copyOfRange(bytes, 8 + padded, bytes.length))
                .containsExactly(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0);
    }

    @Test
    void metadataComesFirstInTheHeader() throws IOException {
        byte[] bytes = toBytes(Map.of("a", Tensor.scalar(1f)), Map.of("k", "v"));
        String header = new String(bytes, 8, (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0), StandardCharsets.UTF_8);
        assertThat(header).startsWith("{\"__metadata__\":{\"k\":\"v\"},\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}");
    }

    static void assertSameTensors(Map<String, Tensor> actual, Map<String, Tensor> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String name : expected.keySet()) {
            Tensor a = actual.get(name), e = expected.get(name);
            assertThat(a.shape()).as(name).containsExactly(e.shape());
            int[] aBits = new int[a.size()], eBits = new int[e.size()];
            for (int i = 0; i < aBits.length; i++) aBits[i] = Float.floatToRawIntBits(a.data()[i]);
            for (int i = 0; i < eBits.length; i++) eBits[i] = Float.floatToRawIntBits(e.data()[i]);
            assertThat(aBits).as(name).containsExactly(eBits);
        }
    }
}
