package dev.beak.data.image;

import dev.beak.data.DataFileException;
import dev.beak.data.SkipReport;
import dev.beak.data.preprocess.Preprocessing;
import dev.beak.data.preprocess.Rescale;
import dev.beak.dataset.TensorDataset;
import dev.beak.tensor.Tensor;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How an image file becomes a model input before fitted preprocessing: decoded at {@code height x width}
 * in {@code color} ({@code resize} says how the aspect ratio is kept), cut to its centre
 * {@code cropHeight x cropWidth} (the size of training's random crops; equal to the decoded size when
 * there is none), and scaled to {@code range}. A model file stores it, so evaluation and prediction
 * decode images exactly as training's validation pipeline did.
 *
 * <p>Shapes: a sample is (C, cropHeight, cropWidth) with C = {@code color.channels()}.
 *
 * {@snippet :
 * InputGeometry g = InputGeometry.of(73, 73, ColorMode.RGB, ResizeMode.CROP, InputRange.BYTE).withCenterCrop(64, 64);
 * TensorDataset validation = g.load(split.validation(), 4, report, false);   // (N, 3, 64, 64), 0..255
 * }
 */
public record InputGeometry(int height, int width, ColorMode color, ResizeMode resize, int cropHeight, int cropWidth, InputRange range) {
    public InputGeometry {
        if (height < 1 || width < 1) throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        if (cropHeight < 1 || cropWidth < 1 || cropHeight > height || cropWidth > width) {
            throw new IllegalArgumentException("centre crop " + cropHeight + "x" + cropWidth + " must fit in the image size " + height + "x" + width);
        }
        if (color == null || resize == null || range == null) throw new IllegalArgumentException("color, resize and range are required");
    }

    /** Decoded at {@code height x width}, without a crop. */
    public static InputGeometry of(int height, int width, ColorMode color, ResizeMode resize, InputRange range) {
        return new InputGeometry(height, width, color, resize, height, width, range);
    }

    /**
     * How image files become the input of a model taking (C, H, W) = {@code modelInput}: decoded at {@code size}
     * (H, W) when given, else at the model's size, or 256/224 of it when {@code decodeLarger} (training crops the
     * model's input out of a larger image, as AlexNet's 224 out of 256); in {@code color} when given, else grey for
     * one channel and RGB otherwise; {@code resize} when given, else a centre crop; values 0..255.
     */
    public static InputGeometry forModel(int[] modelInput, int[] size, ColorMode color, ResizeMode resize, boolean decodeLarger) {
        int h, w;
        if (size != null) {
            h = size[0];
            w = size[1];
        } else if (modelInput != null && modelInput.length == 3) {
            h = decodeLarger ? Math.round(modelInput[1] * 256f / 224) : modelInput[1];
            w = decodeLarger ? Math.round(modelInput[2] * 256f / 224) : modelInput[2];
        } else {
            throw new IllegalArgumentException("an image size is needed: the model's input is not (C, H, W)");
        }
        ColorMode c = color != null ? color : modelInput != null && modelInput[0] == 1 ? ColorMode.GREY : ColorMode.RGB;
        return of(h, w, c, resize != null ? resize : ResizeMode.CROP, InputRange.BYTE);
    }

    /** IDX or CIFAR samples of shape (C, H, W) as image files would be decoded for the same model: that size, 0..1; null unless C is 1 or 3. */
    public static InputGeometry ofSamples(int[] chw) {
        if (chw.length != 3 || (chw[0] != 1 && chw[0] != 3)) return null;
        return of(chw[1], chw[2], chw[0] == 1 ? ColorMode.GREY : ColorMode.RGB, ResizeMode.CROP, InputRange.UNIT);
    }

    /** The same, cut to its centre {@code h x w} after decoding. */
    public InputGeometry withCenterCrop(int h, int w) {
        return new InputGeometry(height, width, color, resize, h, w, range);
    }

    /** True when the decoded image is cut to a smaller centre. */
    public boolean cropped() {
        return cropHeight != height || cropWidth != width;
    }

    /** (C, cropHeight, cropWidth): the per-sample shape the model takes. */
    public int[] sampleShape() {
        return new int[] {color.channels(), cropHeight, cropWidth};
    }

    /** The decoding half (size, colour, resize mode), without the crop and the range. */
    public ImageOptions imageOptions(boolean skipBad) {
        return new ImageOptions(height, width, color, resize, skipBad);
    }

    /** What turns decoded pixels (0..255) into this range: nothing, or a division by 255. Runs before fitted preprocessing. */
    public Preprocessing scaling() {
        return range == InputRange.BYTE ? Preprocessing.NONE : new Preprocessing(List.of(Rescale.of255()));
    }

    /**
     * Every image of {@code folder} as the model takes it before fitted preprocessing: decoded, cut to
     * the centre crop, scaled to the range. Bad files fail, or with {@code skipBad} go to {@code report}.
     */
    public TensorDataset load(ImageFolder folder, int threads, SkipReport report, boolean skipBad) throws DataFileException {
        TensorDataset decoded = folder.dataset(imageOptions(skipBad)).load(threads, report);
        return new TensorDataset(finish(decoded.x()), decoded.y());
    }

    /** Image files (N of them) as the model takes them before fitted preprocessing, as {@link #load}: (N, C, cropHeight, cropWidth). */
    public Tensor read(List<Path> files) throws DataFileException {
        int per = color.channels() * height * width;
        float[] x = new float[files.size() * per];
        for (int i = 0; i < files.size(); i++) {
            System.arraycopy(ImageFiles.decode(files.get(i), color, height, width, resize).data(), 0, x, i * per, per);
        }
        return finish(Tensor.of(x, files.size(), color.channels(), height, width));
    }

    /**
     * Encoded image bytes (PNG, JPEG, ...; {@code source} names them in messages) as the model takes them
     * before fitted preprocessing, as {@link #read}: (1, C, cropHeight, cropWidth).
     */
    public Tensor decode(byte[] bytes, String source) throws DataFileException {
        FloatImage img = ImageFiles.toFloat(ImageFiles.read(bytes, source)).withChannels(color.channels()).resize(height, width, resize);
        return finish(Tensor.of(img.data(), 1, color.channels(), height, width));
    }

    /**
     * Encoded images (file contents; {@code sources} name them in messages) as {@link #read} takes files:
     * (N, C, cropHeight, cropWidth).
     */
    public Tensor readBytes(List<byte[]> contents, List<String> sources) throws DataFileException {
        int per = color.channels() * height * width;
        float[] x = new float[contents.size() * per];
        for (int i = 0; i < contents.size(); i++) {
            System.arraycopy(ImageFiles.decode(contents.get(i), sources.get(i), color, height, width, resize).data(), 0, x, i * per, per);
        }
        return finish(Tensor.of(x, contents.size(), color.channels(), height, width));
    }

    /** Decoded images (N, C, height, width) cut to the centre crop and scaled to the range. */
    private Tensor finish(Tensor decoded) {
        return scaling().apply(cropped() ? centerCrop(decoded) : decoded);
    }

    /** x (N, C, H, W) -> (N, C, cropHeight, cropWidth), the window starting at ((H - cropHeight) / 2, (W - cropWidth) / 2). */
    private Tensor centerCrop(Tensor x) {
        int n = x.dim(0), c = x.dim(1), top = (height - cropHeight) / 2, left = (width - cropWidth) / 2;
        float[] src = x.data(), dst = new float[n * c * cropHeight * cropWidth];
        for (int plane = 0; plane < n * c; plane++) {
            for (int r = 0; r < cropHeight; r++) {
                System.arraycopy(src, (plane * height + top + r) * width + left, dst, (plane * cropHeight + r) * cropWidth, cropWidth);
            }
        }
        return Tensor.of(dst, n, c, cropHeight, cropWidth);
    }

    /** For messages: {@code 73x73 rgb (crop), centre 64x64, pixels 0..255}. */
    public String describe() {
        return height + "x" + width + " " + color.name().toLowerCase(Locale.ROOT) + " (" + resize.name().toLowerCase(Locale.ROOT) + ")"
                + (cropped() ? ", centre " + cropHeight + "x" + cropWidth : "") + ", pixels 0.." + range.max();
    }
}
