package dev.beak.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.beak.tensor.Tensor;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs ONNX model bytes in ONNX Runtime (the reference for exported files) and compares outputs with Beak's. */
final class Ort {
    private Ort() {}

    /** The model's float outputs for float inputs given in graph-input order. */
    static Tensor[] run(byte[] model, Tensor... inputs) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);   // the graph as written, not ORT's rewrite of it
            try (OrtSession session = env.createSession(model, options)) {
                List<String> names = new ArrayList<>(session.getInputInfo().keySet());
                List<NodeInfo> infos = new ArrayList<>(session.getInputInfo().values());
                Map<String, OnnxTensor> feed = new LinkedHashMap<>();
                try {
                    for (int i = 0; i < inputs.length; i++) {
                        long[] shape = java.util.Arrays.stream(inputs[i].shape()).mapToLong(d -> d).toArray();
                        var type = ((TensorInfo) infos.get(i).getInfo()).type;
                        float[] v = inputs[i].data();
                        feed.put(names.get(i), switch (type) {
                            case INT64 -> OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(java.util.stream.IntStream.range(0, v.length).mapToLong(j -> (long) v[j]).toArray()), shape);
                            case DOUBLE -> OnnxTensor.createTensor(env, java.nio.DoubleBuffer.wrap(java.util.stream.IntStream.range(0, v.length).mapToDouble(j -> v[j]).toArray()), shape);
                            default -> OnnxTensor.createTensor(env, FloatBuffer.wrap(v), shape);
                        });
                    }
                    try (OrtSession.Result result = session.run(feed)) {
                        Tensor[] out = new Tensor[result.size()];
                        for (int o = 0; o < out.length; o++) {
                            OnnxTensor t = (OnnxTensor) result.get(o);
                            long[] shape = t.getInfo().getShape();
                            float[] d;
                            if (t.getInfo().type == ai.onnxruntime.OnnxJavaType.DOUBLE) {
                                double[] dd = new double[t.getDoubleBuffer().remaining()];
                                t.getDoubleBuffer().get(dd);
                                d = new float[dd.length];
                                for (int j = 0; j < dd.length; j++) d[j] = (float) dd[j];
                            } else {
                                FloatBuffer b = t.getFloatBuffer();
                                d = new float[b.remaining()];
                                b.get(d);
                            }
                            out[o] = Tensor.of(d, java.util.Arrays.stream(shape).mapToInt(x -> (int) x).toArray());
                        }
                        return out;
                    }
                } finally {
                    feed.values().forEach(OnnxValue::close);
                }
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** The declared shapes of the model's inputs as ONNX Runtime reads them (-1 for a symbolic dimension). */
    static List<long[]> inputShapes(byte[] model) {
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model, new OrtSession.SessionOptions())) {
            List<long[]> r = new ArrayList<>();
            for (NodeInfo n : session.getInputInfo().values()) r.add(((TensorInfo) n.getInfo()).getShape());
            return r;
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** Same shape, and every value within {@code rtol} of the largest magnitude of {@code expected} (plus 1e-6). */
    static void assertClose(String what, Tensor actual, Tensor expected, double rtol) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        float[] a = actual.data(), e = expected.data();
        double scale = 0, worst = 0;
        for (float v : e) scale = Math.max(scale, Math.abs(v));
        int at = -1;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - e[i]);
            if (!(d <= worst) || Double.isNaN(d)) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                at = i;
            }
        }
        assertThat(worst).as("%s: largest difference %s at %d (value %s, expected %s; largest |expected| %s)", what, worst, at,
                at >= 0 ? a[at] : 0, at >= 0 ? e[at] : 0, scale).isLessThanOrEqualTo(rtol * scale + 1e-6);
    }
}
