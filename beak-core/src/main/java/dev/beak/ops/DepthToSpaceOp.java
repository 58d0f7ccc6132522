package dev.beak.ops;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Moves channel blocks into spatial blocks and back (ONNX DepthToSpace and SpaceToDepth; the
 * "pixel shuffle" of sub-pixel convolution, Shi et al., 2016).
 *
 * <p>Shapes: depth-to-space x (N, C, H, W), block b: y (N, C/(b*b), H*b, W*b). In {@link Mode#DCR}
 * (depth-column-row, ONNX's default) input channel {@code (i*b + j) * C/(b*b) + c} lands at
 * (c, h*b+i, w*b+j); in {@link Mode#CRD} (column-row-depth, PyTorch's PixelShuffle) channel
 * {@code c*b*b + i*b + j} does. Space-to-depth is the inverse of DCR: x (N, C, H, W) to
 * (N, C*b*b, H/b, W/b).
 */
public final class DepthToSpaceOp {
    private DepthToSpaceOp() {}

    /** The order of the channel blocks. */
    public enum Mode { DCR, CRD }

    public static Tensor depthToSpace(Tensor x, int block, Mode mode) {
        int[] s = check("depthToSpace", x, block);
        int n = s[0], c = s[1], h = s[2], w = s[3], b = block, bb = b * b;
        if (c % bb != 0) throw new IllegalArgumentException("depthToSpace: " + c + " channels are not a multiple of " + bb);
        int oc = c / bb;
        int[] out = {n, oc, h * b, w * b};
        int[] src = IndexCopyOp.build(out, k -> {
            int i = k[2] % b, j = k[3] % b;
            int ch = mode == Mode.DCR ? (i * b + j) * oc + k[1] : k[1] * bb + i * b + j;
            return ((k[0] * c + ch) * h + k[2] / b) * w + k[3] / b;
        });
        return IndexCopyOp.apply("DepthToSpace", x, out, src, 0f);
    }

    public static Tensor spaceToDepth(Tensor x, int block) {
        int[] s = check("spaceToDepth", x, block);
        int n = s[0], c = s[1], h = s[2], w = s[3], b = block;
        if (h % b != 0 || w % b != 0) {
            throw new IllegalArgumentException("spaceToDepth: " + h + "x" + w + " is not a multiple of block " + b);
        }
        int[] out = {n, c * b * b, h / b, w / b};
        int[] src = IndexCopyOp.build(out, k -> {
            int blockIndex = k[1] / c, ch = k[1] % c, i = blockIndex / b, j = blockIndex % b;
            return ((k[0] * c + ch) * h + k[2] * b + i) * w + k[3] * b + j;
        });
        return IndexCopyOp.apply("SpaceToDepth", x, out, src, 0f);
    }

    private static int[] check(String op, Tensor x, int block) {
        if (x.rank() != 4) throw new IllegalArgumentException(op + ": expected (N, C, H, W), got " + Shape.toString(x.shape()));
        if (block < 1) throw new IllegalArgumentException(op + ": block size must be >= 1, got " + block);
        return x.shape();
    }
}
