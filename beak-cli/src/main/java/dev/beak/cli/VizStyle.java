package dev.beak.cli;

import dev.beak.dataset.TensorDataset;
import dev.beak.nn.Model;
import dev.beak.tensor.Tensor;
import dev.beak.viz.StyleTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@Command(name = "style", mixinStandardHelpOptions = true,
        description = "Neural style transfer between two test images: content features of one, Gram-matrix style of the other.")
final class VizStyle extends VizOnData {
    @Option(names = "--style-index", defaultValue = "1", description = "Test image giving the style (default: ${DEFAULT-VALUE}); --index gives the content.")
    int styleIndex;

    @Option(names = "--style-image", paramLabel = "FILE", description = "An image file giving the style (instead of --style-index).")
    Path styleImage;

    @Option(names = "--content-layer", description = "Layer whose features the content must match (default: the last convolution).")
    String contentLayer;

    @Option(names = "--style-layers", split = ",", description = "Layers whose Gram matrices the style must match (default: every convolution).")
    List<String> styleLayers;

    @Option(names = "--iterations", defaultValue = "150", description = "Adam iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--content-weight", defaultValue = "1", description = "Weight of the content loss (default: ${DEFAULT-VALUE}).")
    double contentWeight;

    @Option(names = "--style-weight", defaultValue = "1", description = "Weight of the style loss (default: ${DEFAULT-VALUE}).")
    double styleWeight;

    @Option(names = "--from-content", description = "Start from the content image instead of noise.")
    boolean fromContent;

    @Override
    void draw(PrintWriter stdout) throws Exception {
        Model m = model();
        Tensor content = inputs(m, 1).slice(0, 1).x();
        String cl = contentLayer != null ? contentLayer : StyleTransfer.defaultContentLayer(m);
        List<String> sl = styleLayers != null ? styleLayers : StyleTransfer.defaultStyleLayers(m);
        StyleTransfer.Options o = StyleTransfer.Options.defaults().withIterations(iterations).withWeights(contentWeight, styleWeight)
                .withStart(fromContent ? StyleTransfer.Start.CONTENT : StyleTransfer.Start.NOISE).withRange(lo(), hi());
        Tensor style = style(m);
        StyleTransfer st = StyleTransfer.run(m, content, style, cl, sl, o, progress("Style transfer"));
        st.writePng(content, style, lo(), hi(), out());
        double[] c = st.contentLoss(), s = st.styleLoss();
        int n = c.length - 1;
        wrote(stdout, out(), String.format(Locale.ROOT, "content %s (%s), style %s (%s); content loss %.4g -> %.4g, style loss %.4g -> %.4g",
                first(null), cl, styleImage != null ? styleImage.toString() : "test image " + styleIndex, String.join(",", sl), c[0], c[n], s[0], s[n]));
        figures.put("content_loss_start", c[0]);
        figures.put("content_loss_end", c[n]);
        figures.put("style_loss_start", s[0]);
        figures.put("style_loss_end", s[n]);
    }

    /** The style image: --style-image, else test image --style-index. */
    private Tensor style(Model m) throws Exception {
        if (styleImage != null) return imageFiles(List.of(styleImage), m).x();
        TensorDataset t = test(m);
        if (styleIndex < 0 || styleIndex >= t.size()) throw new IllegalArgumentException("--style-index " + styleIndex + " is outside 0.." + (t.size() - 1));
        return t.slice(styleIndex, styleIndex + 1).x();
    }
}
