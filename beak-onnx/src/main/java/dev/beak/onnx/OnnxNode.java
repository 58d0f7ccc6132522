package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.beak.tensor.Tensor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX node as a converter sees it: its op, the model's opset, its attributes with defaults, the
 * number of inputs and outputs, and the values of inputs that are constant at import time.
 */
public final class OnnxNode {
    private final NodeProto proto;
    private final String name;
    private final int opset;
    private final Map<String, AttributeProto> attributes = new HashMap<>();
    private final Tensor[] constants;
    private final int[] inputTypes;
    private final boolean frozen, addAfter, reluAfter;

    OnnxNode(NodeProto proto, String name, int opset, Tensor[] constants, int[] inputTypes) {
        this(proto, name, opset, constants, inputTypes, false, false, false);
    }

    /**
     * With {@code frozen}, the constants will not change while the converted kernel is used (see {@link #frozen()});
     * with {@code addAfter} and {@code reluAfter}, the kernel adds its last input to the node's output and
     * takes the ReLU of that (see {@link #addAfter()}, {@link #reluAfter()}).
     */
    OnnxNode(NodeProto proto, String name, int opset, Tensor[] constants, int[] inputTypes, boolean frozen, boolean addAfter, boolean reluAfter) {
        this.proto = proto;
        this.frozen = frozen;
        this.addAfter = addAfter;
        this.reluAfter = reluAfter;
        this.name = name;
        this.opset = opset;
        this.constants = constants;
        this.inputTypes = inputTypes;
        for (AttributeProto a : proto.getAttributeList()) attributes.put(a.getName(), a);
    }

    /**
     * Whether the constants stay fixed for the kernel's lifetime (an inference plan's nodes): a converter
     * may then prepare them once, as Conv packs its filters; otherwise training may change them in place.
     */
    public boolean frozen() {
        return frozen;
    }

    /**
     * Whether the kernel is given one input more than the node's, last, and must return its output plus
     * that input (as Add broadcasts): an inference plan fusing a residual Add into the Conv before it, so
     * the GEMM adds it as it writes. Only converters that read this may be built with it:
     * {@link OnnxNodeSpec#instantiate(Tensor[], boolean, boolean, boolean)} checks.
     */
    public boolean addAfter() {
        return addAfter;
    }

    /**
     * Whether the kernel must return the ReLU of the node's output (after {@link #addAfter()}'s addition):
     * an inference plan fusing a Relu node into the Conv before it, so the GEMM applies it as it writes.
     * Only converters that read this may be built with it: {@link OnnxNodeSpec#instantiate(Tensor[], boolean, boolean, boolean)} checks.
     */
    public boolean reluAfter() {
        return reluAfter;
    }

    public String opType() {
        return proto.getOpType();
    }

    public String name() {
        return name;
    }

    /** The model's opset for the default domain. */
    public int opset() {
        return opset;
    }

    public int inputCount() {
        return proto.getInputCount();
    }

    /** Whether input {@code k} is given (ONNX marks a skipped optional input with an empty name). */
    public boolean hasInput(int k) {
        return k < proto.getInputCount() && !proto.getInput(k).isEmpty();
    }

    public int outputCount() {
        return proto.getOutputCount();
    }

    /** Whether output {@code k} is asked for (ONNX marks an unused optional output with an empty name). */
    public boolean hasOutput(int k) {
        return k < proto.getOutputCount() && !proto.getOutput(k).isEmpty();
    }

    /** The value of input {@code k} when it is an initializer or a folded constant, else null. */
    public Tensor constant(int k) {
        return k < constants.length ? constants[k] : null;
    }

    /** The ONNX element type of input {@code k} (TensorProto.DataType number; FLOAT when unknown). */
    public int inputType(int k) {
        return k < inputTypes.length ? inputTypes[k] : 1;
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute);
    }

    public long i(String attribute, long fallback) {
        AttributeProto a = attributes.get(attribute);
        return a == null ? fallback : a.getI();
    }

    public float f(String attribute, float fallback) {
        AttributeProto a = attributes.get(attribute);
        return a == null ? fallback : a.getF();
    }

    public String s(String attribute, String fallback) {
        AttributeProto a = attributes.get(attribute);
        return a == null ? fallback : a.getS().toStringUtf8();
    }

    /** An INTS attribute, or {@code fallback} (may be null) when absent. */
    public long[] longs(String attribute, long[] fallback) {
        AttributeProto a = attributes.get(attribute);
        if (a == null) return fallback;
        List<Long> l = a.getIntsList();
        long[] r = new long[l.size()];
        for (int k = 0; k < r.length; k++) r[k] = l.get(k);
        return r;
    }

    /** An INTS attribute as ints, or {@code fallback} (may be null) when absent. */
    public int[] ints(String attribute, int[] fallback) {
        long[] l = longs(attribute, null);
        if (l == null) return fallback;
        int[] r = new int[l.length];
        for (int k = 0; k < r.length; k++) r[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l[k]));
        return r;
    }

    public float[] floats(String attribute, float[] fallback) {
        AttributeProto a = attributes.get(attribute);
        if (a == null) return fallback;
        float[] r = new float[a.getFloatsCount()];
        for (int k = 0; k < r.length; k++) r[k] = a.getFloats(k);
        return r;
    }

    public AttributeProto attribute(String attribute) {
        return attributes.get(attribute);
    }

    /** An error for a feature that needs a Beak op that is not there yet (a conformance run skips it). */
    public OnnxImportException needsOp(String what) {
        return new OnnxImportException(OnnxImportException.Reason.NEEDS_OP, name, opType(), opset, "needs op " + what + " (not in Beak yet)");
    }

    /** An error for an attribute value or form that Beak does not support. */
    public OnnxImportException unsupported(String what) {
        return new OnnxImportException(OnnxImportException.Reason.UNSUPPORTED, name, opType(), opset, what);
    }

    /** An error for a Resize mode that Beak does not implement (nearest and linear only). */
    public OnnxImportException resizeMode(String what) {
        return new OnnxImportException(OnnxImportException.Reason.RESIZE_MODE, name, opType(), opset, what);
    }

    public OnnxImportException invalid(String what) {
        return new OnnxImportException(OnnxImportException.Reason.INVALID, name, opType(), opset, what);
    }

    // ---- helpers for kernels: integer tensors are carried as floats -----------------------------

    /** The values of a (shape-like) tensor as longs. */
    public static long[] longs(Tensor t) {
        float[] d = t.data();
        long[] r = new long[d.length];
        for (int k = 0; k < d.length; k++) r[k] = d[k] >= 9.2e18f ? Long.MAX_VALUE : d[k] <= -9.2e18f ? Long.MIN_VALUE : (long) d[k];
        return r;
    }

    /** The values of a (shape-like) tensor as ints, saturating. */
    public static int[] ints(Tensor t) {
        long[] l = longs(t);
        int[] r = new int[l.length];
        for (int k = 0; k < r.length; k++) r[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l[k]));
        return r;
    }

    /** Input {@code k}, or null when it is absent. */
    public static Tensor in(Tensor[] inputs, int k) {
        return k < inputs.length ? inputs[k] : null;
    }

    /** A one-output result. */
    public static Tensor[] one(Tensor t) {
        return new Tensor[] {t};
    }
}
