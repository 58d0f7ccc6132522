package dev.beak.viz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingCurvesTest {
    private static final String CSV = """
            epoch,loss,accuracy,val_loss,val_accuracy,seconds,images_per_s
            1,0.43,0.86,0.136,0.951,37,217
            2,0.11,0.966,0.091,0.975,26,307
            3,0.072,0.977,0.081,0.976,14,588
            4,0.050,0.984,0.089,0.973,14,590
            5,0.036,0.989,0.077,0.978,14,558
            6,0.029,0.991,0.084,0.975,23,351
            """;

    @Test
    void readsTheTrainersCsvAndFindsTheBestValidationEpoch(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("h.csv"), CSV);
        TrainingCurves c = TrainingCurves.readCsv(csv);
        assertThat(c.epochs()).isEqualTo(6);
        assertThat(c.bestEpoch()).as("lowest val_loss").isEqualTo(5);
        assertThat(c.values("val_accuracy")).containsExactly(0.951, 0.975, 0.976, 0.973, 0.978, 0.975);
    }

    @Test
    void historyFromFitDrawsTheSameAsItsCsv(@TempDir Path dir) throws Exception {
        var h = Fixtures.mnist().history();
        TrainingCurves fromHistory = TrainingCurves.of(h);
        TrainingCurves fromCsv = TrainingCurves.readCsv(Files.writeString(dir.resolve("h.csv"), h.toCsv()));
        assertThat(fromCsv.bestEpoch()).isEqualTo(fromHistory.bestEpoch()).isBetween(1, 2);
        assertThat(fromCsv.values("loss")).containsExactly(fromHistory.values("loss"), org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void writesPngAndSvgWithBothCurvesAndTheMarker(@TempDir Path dir) throws Exception {
        TrainingCurves c = TrainingCurves.readCsv(Files.writeString(dir.resolve("h.csv"), CSV));
        Path png = dir.resolve("curves.png"), svg = dir.resolve("curves.svg");
        c.writePng(png);
        c.writeSvg(svg);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(img.getHeight());
        // The training (blue) and validation (orange) series are drawn in both charts.
        assertThat(countColour(img, 0x1f77b4, 0, img.getWidth() / 2)).isGreaterThan(50);
        assertThat(countColour(img, 0xff7f0e, img.getWidth() / 2, img.getWidth())).isGreaterThan(50);
        String text = Files.readString(svg);
        // XChart draws text as outlines; the series show as strokes in their colours (training,
        // validation, and the green best-epoch line).
        assertThat(text).startsWith("<?xml").contains("<svg").contains("stroke:rgb(31,119,180)")
                .contains("stroke:rgb(255,127,14)").contains("stroke:rgb(44,160,44)");
    }

    @Test
    void withoutValidationThereIsNoBestEpochButTheTrainingCurvesAreDrawn() {
        var h = new dev.beak.nn.train.History();
        h.add(new dev.beak.nn.train.EpochLogs(1, java.util.Map.of("loss", 0.9, "accuracy", 0.7)));
        h.add(new dev.beak.nn.train.EpochLogs(2, java.util.Map.of("loss", 0.5, "accuracy", 0.8)));
        TrainingCurves c = TrainingCurves.of(h);
        assertThat(c.bestEpoch()).isZero();
        assertThat(c.values("val_loss")).isNull();
        BufferedImage img = c.toImage();
        assertThat(countColour(img, 0x1f77b4, 0, img.getWidth())).isGreaterThan(50);
        assertThat(countColour(img, 0xff7f0e, 0, img.getWidth())).isZero();
    }

    @Test
    void headlessDrawing() {
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void badCsvNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "epoch,loss\n1,0.5\n2,oops\n");
        assertThatThrownBy(() -> TrainingCurves.readCsv(bad)).hasMessageContaining("bad.csv").hasMessageContaining("line 3");
    }

    private static int countColour(BufferedImage img, int rgb, int x0, int x1) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = x0; x < x1; x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) n++;
        return n;
    }
}
