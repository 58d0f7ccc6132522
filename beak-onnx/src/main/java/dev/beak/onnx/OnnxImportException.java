package dev.beak.onnx;

/**
 * An ONNX model that Beak cannot import: an op or opset it does not support, an attribute value it
 * does not implement, or a malformed node. The message names the node, its op and the model's opset:
 * {@code node "conv1" (Conv, opset 13): group = 2 needs grouped convolution (not in Beak yet)}.
 */
public final class OnnxImportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why the import failed, so that a conformance run can tell missing pieces from errors. */
    public enum Reason {
        /** The op, opset or attribute is not supported and nothing is planned. */
        UNSUPPORTED,
        /** A Beak op that is planned (being written elsewhere) is needed. */
        NEEDS_OP,
        /** A Resize mode other than nearest or linear (cubic, antialias, crop-and-resize). */
        RESIZE_MODE,
        /** The model itself is wrong: missing inputs, bad attribute values. */
        INVALID
    }

    private final Reason reason;
    private final String detail;

    public OnnxImportException(Reason reason, String node, String opType, int opset, String detail) {
        super("node \"" + node + "\" (" + opType + ", opset " + opset + "): " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    public OnnxImportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
        this.detail = message;
    }

    public Reason reason() {
        return reason;
    }

    /** The message without the node prefix. */
    public String detail() {
        return detail;
    }
}
