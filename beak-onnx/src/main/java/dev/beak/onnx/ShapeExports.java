package dev.beak.onnx;

import dev.beak.nn.layer.Crop2d;
import dev.beak.nn.layer.Permute;
import dev.beak.nn.layer.Reshape;
import dev.beak.nn.layer.Upsample2d;
import dev.beak.nn.layer.ZeroPad2d;

import java.util.List;

/**
 * Layers that move values without computing new ones, as ONNX Pad, Slice, Resize, Reshape and
 * Transpose. Beak's sizes and axes leave out the batch axis; ONNX's count it, so axis {@code i} of a
 * sample is ONNX axis {@code i + 1} and the batch axis is left as it comes.
 */
final class ShapeExports {
    private ShapeExports() {}

    /** Pad with constant 0; pads are (begin of N, C, H, W, end of N, C, H, W). */
    static void zeroPad2d(ZeroPad2d p, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        String pads = g.int64s(s.name() + ".pads", 0, 0, p.top(), p.left(), 0, 0, p.bottom(), p.right());
        g.node("Pad", List.of(s.in(), pads), List.of(s.out()), "mode", "constant");
    }

    /** Slice of rows {@code top .. H - bottom} and columns {@code left .. W - right} (axes 2 and 3). */
    static void crop2d(Crop2d c, ExportStep s) {
        int[] in = s.shape(0);
        OnnxGraphWriter g = s.graph();
        String starts = g.int64s(s.name() + ".starts", c.top(), c.left());
        String ends = g.int64s(s.name() + ".ends", in[1] - c.bottom(), in[2] - c.right());
        g.node("Slice", List.of(s.in(), starts, ends, g.int64s(s.name() + ".axes", 2, 3)), List.of(s.out()));
    }

    /**
     * Resize by the layer's factors: nearest as Beak repeats pixels (asymmetric coordinates, floor),
     * bilinear with half-pixel centres; both clamp at the edges as Beak's ResizeOp does.
     */
    static void upsample2d(Upsample2d u, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        String scales = g.floats(s.name() + ".scales", new float[] {1, 1, u.scaleH(), u.scaleW()}, 4);
        if (u.bilinear()) {
            g.node("Resize", List.of(s.in(), "", scales), List.of(s.out()), "mode", "linear", "coordinate_transformation_mode", "half_pixel");
        } else {
            g.node("Resize", List.of(s.in(), "", scales), List.of(s.out()), "mode", "nearest", "coordinate_transformation_mode", "asymmetric",
                    "nearest_mode", "floor");
        }
    }

    /** Reshape to (0, sample shape...): the 0 copies the batch size from the input; -1 is resolved already. */
    static void reshape(Reshape r, ExportStep s) {
        int[] out = r.outputShape(s.shape(0));
        long[] shape = new long[out.length + 1];
        for (int i = 0; i < out.length; i++) shape[i + 1] = out[i];
        s.graph().node("Reshape", List.of(s.in(), s.graph().int64s(s.name() + ".shape", shape)), List.of(s.out()));
    }

    /** Transpose with the batch axis first and the sample axes shifted by one. */
    static void permute(Permute p, ExportStep s) {
        int[] perm = p.perm(), full = new int[perm.length + 1];
        for (int i = 0; i < perm.length; i++) full[i + 1] = perm[i] + 1;
        s.graph().unary("Transpose", s.in(), s.out(), "perm", full);
    }
}
