package dev.beak.fuzz;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.beak.data.DataFileException;
import dev.beak.nn.Model;
import dev.beak.onnx.OnnxImportException;
import dev.beak.onnx.OnnxImporter;
import dev.beak.onnx.OnnxModel;
import dev.beak.onnx.OnnxTensors;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Harnesses for beak-onnx: whole models (imported, then run once on zeros of the declared input
 * shapes) and serialized tensors. Seeds are small graphs built here with the protobuf classes; when
 * the shared ONNX conformance folder is next to the repository, its small models are added.
 */
final class OnnxHarnesses {
    private OnnxHarnesses() {}

    /** The importer refuses with its own exception or, for an unreadable file, a DataFileException; a model
     *  that imported but cannot run on its declared shapes says so with an IllegalArgumentException message. */
    static boolean expected(Throwable t) {
        return t instanceof DataFileException || t instanceof OnnxImportException
                || t.getClass() == IllegalArgumentException.class || t instanceof dev.beak.tensor.LimitExceededException;
    }

    static Harness model() {
        return new Harness() {
            public String name() {
                return "onnx-model";
            }

            public String fileName() {
                return "model.onnx";
            }

            public List<byte[]> seeds() throws IOException {
                List<byte[]> s = new ArrayList<>(List.of(cnn().toByteArray(), pools().toByteArray(), shapes().toByteArray()));
                s.addAll(conformanceSeeds(40));
                return s;
            }

            public void load(Path file, Path scratch) throws IOException {
                OnnxModel m = OnnxImporter.load(file);
                Model g = m.model();
                if (!g.isBuilt() || g.inputCount() != 1) return;   // one batched input: run it once (others: import only)
                int[][] shapes = g.inputShapes();
                Tensor[] in = new Tensor[shapes.length];
                for (int i = 0; i < in.length; i++) {
                    int[] s = new int[shapes[i].length + 1];
                    s[0] = 1;
                    System.arraycopy(shapes[i], 0, s, 1, shapes[i].length);
                    in[i] = Tensor.zeros(s);
                }
                m.run(in);
            }

            public boolean expected(Throwable t) {
                return OnnxHarnesses.expected(t);
            }
        };
    }

    static Harness tensor() {
        return new Harness() {
            public String name() {
                return "onnx-tensor";
            }

            public String fileName() {
                return "input_0.pb";
            }

            public List<byte[]> seeds() {
                TensorProto.Builder ints = TensorProto.newBuilder().setName("i").setDataType(TensorProto.DataType.INT64_VALUE).addDims(3);
                for (long v : new long[] {1, -2, 3}) ints.addInt64Data(v);
                return List.of(OnnxTensors.fromTensor("x", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3)).toByteArray(),
                        ints.build().toByteArray(),
                        TensorProto.newBuilder().setName("h").setDataType(TensorProto.DataType.FLOAT16_VALUE).addDims(2)
                                .setRawData(com.google.protobuf.ByteString.copyFrom(new byte[] {0, 0x3c, 0, 0x40})).build().toByteArray());
            }

            public void load(Path file, Path scratch) throws IOException {
                OnnxTensors.toTensor(OnnxTensors.read(file));
            }

            public boolean expected(Throwable t) {
                return OnnxHarnesses.expected(t);
            }
        };
    }

    /** Conv, Relu, MaxPool, Flatten, Gemm on a 1x6x6 image. */
    static ModelProto cnn() {
        SplittableRandom rng = new SplittableRandom(1);
        return model(13, List.of(
                node("Conv", List.of("x", "w", "b"), "c", ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1)),
                node("Relu", List.of("c"), "r"),
                node("MaxPool", List.of("r"), "p", ints("kernel_shape", 2, 2), ints("strides", 2, 2)),
                node("Flatten", List.of("p"), "f"),
                node("Gemm", List.of("f", "w2", "b2"), "y", AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT).setI(1).build())),
                List.of(floats("w", rng, 2, 1, 3, 3), floats("b", rng, 2), floats("w2", rng, 3, 18), floats("b2", rng, 3)), 1, 1, 6, 6);
    }

    /** AveragePool with padding, LpPool, BatchNormalization, GlobalAveragePool. */
    static ModelProto pools() {
        SplittableRandom rng = new SplittableRandom(2);
        return model(13, List.of(
                node("AveragePool", List.of("x"), "a", ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1), ints("strides", 1, 1)),
                node("LpPool", List.of("a"), "l", ints("kernel_shape", 2, 2)),
                node("BatchNormalization", List.of("l", "s", "t", "m", "v"), "n"),
                node("GlobalAveragePool", List.of("n"), "y")),
                List.of(floats("s", rng, 2), floats("t", rng, 2), floats("m", rng, 2), positive("v", 2)), 1, 2, 5, 5);
    }

    /** Shape arithmetic: Shape, ConstantOfShape, Add, Reshape by an initializer, Transpose, Pad, Concat. */
    static ModelProto shapes() {
        TensorProto target = TensorProto.newBuilder().setName("target").setDataType(TensorProto.DataType.INT64_VALUE).addDims(3)
                .addInt64Data(1).addInt64Data(4).addInt64Data(3).build();
        TensorProto pads = TensorProto.newBuilder().setName("pads").setDataType(TensorProto.DataType.INT64_VALUE).addDims(6)
                .addInt64Data(0).addInt64Data(1).addInt64Data(0).addInt64Data(0).addInt64Data(1).addInt64Data(0).build();
        return model(13, List.of(
                node("Shape", List.of("x"), "s"),
                node("ConstantOfShape", List.of("s"), "z"),
                node("Add", List.of("x", "z"), "a"),
                node("Reshape", List.of("a", "target"), "r"),
                node("Transpose", List.of("r"), "t", ints("perm", 0, 2, 1)),
                node("Pad", List.of("t", "pads"), "p"),
                node("Concat", List.of("p", "p"), "y", AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1).build())),
                List.of(target, pads), 1, 3, 4);
    }

    /** Up to {@code max} of the smallest conformance models, when the shared folder is present. */
    static List<byte[]> conformanceSeeds(int max) throws IOException {
        Path root = Path.of("..", "shared", "conformance", "onnx-node");
        for (Path up = Path.of("").toAbsolutePath(); up != null && !Files.isDirectory(root); up = up.getParent()) {
            root = up.resolve("shared").resolve("conformance").resolve("onnx-node");
            if (!Files.isDirectory(root) && up.getParent() != null) root = up.getParent().resolve("shared").resolve("conformance").resolve("onnx-node");
        }
        if (!Files.isDirectory(root)) return List.of();
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("model.onnx")).sorted().toList()) {
                if (Files.size(p) <= 600 && seeds.size() < max) seeds.add(Files.readAllBytes(p));
            }
        }
        return seeds;
    }

    private static ModelProto model(int opset, List<NodeProto> nodes, List<TensorProto> initializers, long... inDims) {
        GraphProto g = GraphProto.newBuilder().setName("g").addAllNode(nodes).addAllInitializer(initializers)
                .addInput(value("x", inDims)).addOutput(value("y")).build();
        return ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(g).build();
    }

    private static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    private static NodeProto node(String op, List<String> in, String out, AttributeProto... attributes) {
        return NodeProto.newBuilder().setOpType(op).setName(out + "_" + op).addAllInput(in).addOutput(out).addAllAttribute(List.of(attributes)).build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) a.addInts(v);
        return a.build();
    }

    private static TensorProto floats(String name, SplittableRandom rng, int... shape) {
        return OnnxTensors.fromTensor(name, Tensor.uniform(rng, -1, 1, shape));
    }

    private static TensorProto positive(String name, int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return OnnxTensors.fromTensor(name, Tensor.of(v, n));
    }
}
