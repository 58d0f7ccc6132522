package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.beak.nn.layer.Embedding;
import dev.beak.nn.layer.PaddingMask;

import java.util.List;

/**
 * The token layers as ONNX nodes. Beak carries token ids as floats, and the exported graph's input
 * stays FLOAT so that it is fed as Beak is; the ids are cast to int64 where an index is needed.
 */
final class TextExports {
    private TextExports() {}

    /** Cast the ids to int64, Gather rows of the table (N, L, D), Transpose to Beak's channels-first (N, D, L). */
    static void embedding(Embedding e, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        String ids = g.unary("Cast", s.in(), s.temp("ids"), "to", TensorProto.DataType.INT64_VALUE);
        String rows = s.temp("rows");
        g.node("Gather", List.of(s.initializer("weight"), ids), List.of(rows), "axis", 0);
        g.unary("Transpose", rows, s.out(), "perm", new int[] {0, 2, 1});
    }

    /** 1 where the id is not the padding index, else 0: Equal, Not, Cast to float. */
    static void paddingMask(PaddingMask p, ExportStep s) {
        OnnxGraphWriter g = s.graph();
        String padded = s.temp("padded"), real = s.temp("real");
        g.node("Equal", List.of(s.in(), g.scalar(s.name() + ".padding_index", p.paddingIndex())), List.of(padded));
        g.unary("Not", padded, real);
        g.unary("Cast", real, s.out(), "to", TensorProto.DataType.FLOAT_VALUE);
    }
}
