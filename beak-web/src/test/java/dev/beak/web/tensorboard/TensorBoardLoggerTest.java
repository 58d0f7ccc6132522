package dev.beak.web.tensorboard;

import dev.beak.nn.Model;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.web.Histogram;
import dev.beak.web.ValidationSamples;
import dev.beak.web.WebFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TensorBoardLoggerTest {
    @TempDir Path dir;

    @Test
    void aFitRoundTripsThroughTheReaderWithItsTagsStepsAndValues() throws Exception {
        Model model = WebFixtures.untrained(7);
        model.compile(new Adam(1e-3), new CrossEntropy());
        var test = WebFixtures.test(64);
        TensorBoardLogger tb = TensorBoardLogger.to(dir.resolve("tb"), ValidationSamples.of(test, 4, WebFixtures.DIGITS));
        var history = model.fit(WebFixtures.train(160), FitOptions.epochs(2).batchSize(32).validation(test).seed(1).verbose(0).callbacks(tb));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("tb"))) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getFileName().toString()).startsWith("events.out.tfevents.");

        List<EventFileReader.Event> events = EventFileReader.read(files.getFirst());
        assertThat(events.getFirst().fileVersion()).isEqualTo("brain.Event:2");
        assertThat(events.getFirst().wallTime()).isGreaterThan(1.7e9);
        // 5 batches per epoch: steps 1..10 for the batch scalars.
        assertThat(scalars(events, "batch/loss").stream().map(EventFileReader.Event::step)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        List<EventFileReader.Event> valLoss = scalars(events, "epoch/val_loss");
        assertThat(valLoss.stream().map(EventFileReader.Event::step)).containsExactly(1L, 2L);
        for (int e = 0; e < 2; e++) {
            assertThat(valLoss.get(e).scalar()).isCloseTo((float) history.epochs().get(e).get("val_loss"), within(1e-6f));
            assertThat(scalars(events, "epoch/learning_rate").get(e).scalar()).isCloseTo(1e-3f, within(1e-9f));
        }

        EventFileReader.Event w = only(events, "weights/conv2d.weight", 2);
        assertThat(w.kind()).isEqualTo("histogram");
        Histogram expected = Histogram.of(model.parameters().get("conv2d.weight").data(), 30);
        assertThat(w.histo().num()).isEqualTo(8 * 1 * 5 * 5);
        assertThat(w.histo().min()).isEqualTo(expected.min());
        assertThat(w.histo().max()).isEqualTo(expected.max());
        assertThat(w.histo().limits()).containsExactly(expected.limits());
        assertThat(java.util.Arrays.stream(w.histo().buckets()).sum()).isEqualTo(200);
        assertThat(only(events, "gradients/dense.bias", 1).histo().num()).isEqualTo(10);
        assertThat(only(events, "activations/flatten", 2).histo().num()).isEqualTo(4 * 16 * 7 * 7);

        EventFileReader.Event img = only(events, "validation/predictions", 2);
        var decoded = ImageIO.read(new ByteArrayInputStream(img.image().png()));
        assertThat(decoded.getWidth()).isEqualTo(img.image().width());
        assertThat(decoded.getHeight()).isEqualTo(img.image().height());
        assertThat(img.image().colorspace()).isEqualTo(3);
    }

    @Test
    void recordsCarryTheMaskedCrc32cOfTheTfRecordFormat() throws IOException {
        // CRC-32C("123456789") = 0xE3069283 (the standard check value); masked: rotate right 15, add 0xa282ead8.
        int masked = TfRecordWriter.maskedCrc("123456789".getBytes(), 0, 9);
        int c = 0xE3069283;
        assertThat(masked).isEqualTo(((c >>> 15) | (c << 17)) + 0xa282ead8);
        var out = new java.io.ByteArrayOutputStream();
        new TfRecordWriter(out).write(new byte[] {1, 2, 3});
        assertThat(out.size()).isEqualTo(8 + 4 + 3 + 4);
    }

    @Test
    void varintsAndPackedFieldsFollowTheProtobufEncoding() {
        // The protobuf encoding guide's example: field 1 = 150 is 08 96 01.
        assertThat(new ProtoWriter().varint(1, 150).toByteArray()).containsExactly(0x08, 0x96, 0x01);
        assertThat(new ProtoWriter().string(2, "testing").toByteArray()).containsExactly(0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g');
        byte[] packed = new ProtoWriter().packedDoubles(6, new double[] {1.0}).toByteArray();
        assertThat(packed).startsWith(0x32, 0x08).hasSize(10);
    }

    private static List<EventFileReader.Event> scalars(List<EventFileReader.Event> events, String tag) {
        return events.stream().filter(e -> tag.equals(e.tag())).peek(e -> assertThat(e.kind()).isEqualTo("scalar")).toList();
    }

    private static EventFileReader.Event only(List<EventFileReader.Event> events, String tag, long step) {
        List<EventFileReader.Event> found = events.stream().filter(e -> tag.equals(e.tag()) && e.step() == step).toList();
        assertThat(found).as(tag + " at step " + step).hasSize(1);
        return found.getFirst();
    }
}
