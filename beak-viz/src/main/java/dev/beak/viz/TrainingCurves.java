package dev.beak.viz;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.beak.nn.train.EpochLogs;
import dev.beak.nn.train.History;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy and loss per epoch, training against validation, side by side, with the best validation
 * epoch (lowest {@code val_loss}, Keras' default monitor) marked on both: where the validation loss
 * turns up while the training loss keeps falling, the model overfits. Drawn with XChart; written as
 * PNG or SVG.
 *
 * {@snippet :
 * TrainingCurves curves = TrainingCurves.of(history);        // or TrainingCurves.readCsv(path)
 * curves.writePng(Path.of("curves.png"));
 * int best = curves.bestEpoch();                              // 0 when there is no validation
 * }
 */
public final class TrainingCurves {
    private static final int WIDTH = 520, HEIGHT = 400;
    private static final Color TRAIN = new Color(0x1f77b4), VALIDATION = new Color(0xff7f0e), BEST = new Color(0x2ca02c);
    private final Map<String, double[]> figures;
    private final double[] epochs;

    private TrainingCurves(double[] epochs, Map<String, double[]> figures) {
        if (epochs.length == 0) throw new IllegalArgumentException("the history has no epoch to draw");
        if (!figures.containsKey("loss") && !figures.containsKey("accuracy")) {
            throw new IllegalArgumentException("the history has neither \"loss\" nor \"accuracy\"; it has " + figures.keySet());
        }
        this.epochs = epochs;
        this.figures = figures;
    }

    /** Curves of a {@link History} from {@code Model.fit}. */
    public static TrainingCurves of(History history) {
        List<EpochLogs> e = history.epochs();
        double[] epochs = e.stream().mapToDouble(EpochLogs::epoch).toArray();
        Map<String, double[]> f = new LinkedHashMap<>();
        for (String key : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
            if (!e.isEmpty() && e.stream().allMatch(l -> l.values().containsKey(key))) f.put(key, history.values(key));
        }
        return new TrainingCurves(epochs, f);
    }

    /** Curves from the CSV that training writes ({@code History.toCsv()}: a header {@code epoch,loss,...}). */
    public static TrainingCurves readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) throw new IOException(csv + ": empty file, expected a header row epoch,loss,accuracy,...");
        String[] header = lines.get(0).trim().split(",", -1);
        if (!header[0].equals("epoch")) throw new IOException(csv + ": the first column is \"" + header[0] + "\", expected \"epoch\"");
        int rows = lines.size() - 1;
        double[][] cols = new double[header.length][rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).split(",", -1);
            if (cells.length != header.length) {
                throw new IOException(csv + ": line " + (r + 2) + " has " + cells.length + " cells, the header has " + header.length);
            }
            for (int c = 0; c < header.length; c++) {
                try {
                    cols[c][r] = cells[c].isBlank() ? Double.NaN : Double.parseDouble(cells[c].trim());
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + (r + 2) + ", column " + header[c] + ": \"" + cells[c] + "\" is not a number");
                }
            }
        }
        Map<String, double[]> f = new LinkedHashMap<>();
        for (int c = 1; c < header.length; c++) f.put(header[c].trim(), cols[c]);
        return new TrainingCurves(cols[0], f);
    }

    /** The figure {@code key} per epoch ({@code loss}, {@code val_accuracy}, ...), or null if absent. */
    public double[] values(String key) {
        double[] v = figures.get(key);
        return v == null ? null : v.clone();
    }

    public int epochs() {
        return epochs.length;
    }

    /** The epoch (1-based, as logged) with the lowest validation loss; 0 without validation figures. */
    public int bestEpoch() {
        double[] v = figures.get("val_loss");
        if (v == null) return 0;
        int best = -1;
        for (int i = 0; i < v.length; i++) if (!Double.isNaN(v[i]) && (best < 0 || v[i] < v[best])) best = i;
        return best < 0 ? 0 : (int) epochs[best];
    }

    /** Both charts side by side as an image. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        paint(g);
        g.dispose();
        return img;
    }

    public void writePng(Path file) throws IOException {
        Pictures.writePng(toImage(), file);
    }

    /** Writes both charts as one SVG (vector, through VectorGraphics2D). */
    public void writeSvg(Path file) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(file)) {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, 2 * WIDTH, HEIGHT)).writeTo(out);
        }
    }

    private void paint(Graphics2D g) {
        List<XYChart> charts = List.of(chart("Accuracy", "accuracy"), chart("Loss", "loss"));
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D part = (Graphics2D) g.create(i * WIDTH, 0, WIDTH, HEIGHT);
            charts.get(i).paint(part, WIDTH, HEIGHT);
            part.dispose();
        }
    }

    private XYChart chart(String title, String key) {
        int best = bestEpoch();
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(key).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(true);
        // Below the plot: inside, a legend covers the right end of the curves, where they converge.
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setXAxisDecimalPattern("0");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (String k : List.of(key, "val_" + key)) {
            double[] v = figures.get(k);
            if (v == null) continue;
            for (double d : v) if (!Double.isNaN(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
            XYSeries s = c.addSeries(k.startsWith("val_") ? "validation" : "training", epochs, v);
            s.setLineColor(k.startsWith("val_") ? VALIDATION : TRAIN);
            s.setMarkerColor(k.startsWith("val_") ? VALIDATION : TRAIN);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        if (lo > hi) {
            c.setTitle(title + " (not in the history)");
            c.addSeries(" ", new double[] {epochs[0]}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            return c;
        }
        if (best > 0) {
            double pad = (hi - lo) * 0.05 + 1e-9;
            XYSeries line = c.addSeries("best val_loss: epoch " + best, new double[] {best, best}, new double[] {lo - pad, hi + pad});
            line.setLineColor(BEST);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    /**
     * Several runs' validation accuracy per epoch in one chart (one line per run, by name), for comparing
     * training regimes; a run's x values are its own epochs, so a run that continues another (fine-tuning
     * after the head) can start where that one ended.
     */
    public static BufferedImage comparison(String title, Map<String, double[][]> runs) {
        XYChart c = new XYChartBuilder().width(2 * WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle("test accuracy").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        c.getStyler().setXAxisDecimalPattern("0");
        runs.forEach((name, xy) -> c.addSeries(name, xy[0], xy[1]).setMarker(SeriesMarkers.CIRCLE));
        BufferedImage img = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        c.paint(g, 2 * WIDTH, HEIGHT);
        g.dispose();
        return img;
    }
}
