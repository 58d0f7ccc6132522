package dev.beak.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.beak.data.DataFileException;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ONNX {@code TensorProto}s to Beak tensors and back. Beak computes in float32, so every numeric
 * type is converted to float (integers exactly up to 2^24; larger ones are rounded, which
 * {@link #exactInFloat} tells).
 */
public final class OnnxTensors {
    private OnnxTensors() {}

    /** Reads a serialized TensorProto (the {@code input_0.pb} files of the ONNX test data). */
    public static TensorProto read(Path file) throws IOException {
        try {
            return TensorProto.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new DataFileException(file.toString(), "not an ONNX TensorProto (" + e.getMessage() + ")", e);
        }
    }

    /** The tensor's values as float32, in its shape ({@code dims}). */
    public static Tensor toTensor(TensorProto t) {
        int[] shape = shape(t);
        int n = Shape.size(shape);
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("tensor " + t.getName() + " keeps its data in an external file, which Beak does not read yet");
        }
        double[] v = values(t, n);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = (float) v[i];
        return Tensor.of(d, shape);
    }

    /** True when every value of an integer tensor is exact in float32 (|v| <= 2^24); always true for float types. */
    public static boolean exactInFloat(TensorProto t) {
        if (!isInteger(t.getDataType())) return true;
        for (double v : values(t, Shape.size(shape(t)))) if (Math.abs(v) > (1 << 24)) return false;
        return true;
    }

    public static boolean isInteger(int dataType) {
        return switch (DataType.forNumber(dataType)) {
            case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64, BOOL -> true;
            case null, default -> false;
        };
    }

    /** The ONNX name of a data type ({@code "float32"}-style like the conformance index). */
    public static String typeName(int dataType) {
        DataType t = DataType.forNumber(dataType);
        if (t == null) return "type " + dataType;
        return switch (t) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static int[] shape(TensorProto t) {
        int[] s = new int[t.getDimsCount()];
        for (int i = 0; i < s.length; i++) {
            long d = t.getDims(i);
            if (d < 0 || d > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor " + t.getName() + " has dimension " + d);
            s[i] = (int) d;
        }
        return s;
    }

    private static double[] values(TensorProto t, int n) {
        int type = t.getDataType();
        double[] v = new double[n];
        ByteString raw = t.getRawData();
        boolean hasRaw = t.hasRawData();
        ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        DataType dt = DataType.forNumber(type);
        if (dt == null) throw new IllegalArgumentException("tensor " + t.getName() + ": unknown data type " + type);
        int available = hasRaw ? raw.size() / Math.max(1, bytes(dt, t)) : switch (dt) {
            case FLOAT -> t.getFloatDataCount();
            case DOUBLE -> t.getDoubleDataCount();
            case INT64 -> t.getInt64DataCount();
            case UINT32, UINT64 -> t.getUint64DataCount();
            default -> t.getInt32DataCount();
        };
        if (available < n) {
            throw new IllegalArgumentException("tensor " + t.getName() + " (" + typeName(type) + ", shape " + Shape.toString(shape(t))
                    + ") holds " + available + " values, needs " + n);
        }
        for (int i = 0; i < n; i++) {
            v[i] = switch (dt) {
                case FLOAT -> hasRaw ? b.getFloat(4 * i) : t.getFloatData(i);
                case DOUBLE -> hasRaw ? b.getDouble(8 * i) : t.getDoubleData(i);
                case FLOAT16 -> half(hasRaw ? b.getShort(2 * i) : t.getInt32Data(i));
                case BFLOAT16 -> Float.intBitsToFloat((hasRaw ? b.getShort(2 * i) : t.getInt32Data(i)) << 16);
                case INT8 -> hasRaw ? b.get(i) : (byte) t.getInt32Data(i);
                case UINT8 -> hasRaw ? b.get(i) & 0xff : t.getInt32Data(i) & 0xff;
                case BOOL -> (hasRaw ? b.get(i) : t.getInt32Data(i)) != 0 ? 1 : 0;
                case INT16 -> hasRaw ? b.getShort(2 * i) : (short) t.getInt32Data(i);
                case UINT16 -> hasRaw ? b.getShort(2 * i) & 0xffff : t.getInt32Data(i) & 0xffff;
                case INT32 -> hasRaw ? b.getInt(4 * i) : t.getInt32Data(i);
                case UINT32 -> hasRaw ? b.getInt(4 * i) & 0xffffffffL : t.getUint64Data(i);
                case INT64 -> hasRaw ? b.getLong(8 * i) : t.getInt64Data(i);
                case UINT64 -> unsigned(hasRaw ? b.getLong(8 * i) : t.getUint64Data(i));
                default -> throw new IllegalArgumentException("tensor " + t.getName() + ": Beak cannot read " + typeName(type) + " values");
            };
        }
        return v;
    }

    private static int bytes(DataType t, TensorProto p) {
        return switch (t) {
            case DOUBLE, INT64, UINT64 -> 8;
            case FLOAT, INT32, UINT32 -> 4;
            case FLOAT16, BFLOAT16, INT16, UINT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
            default -> throw new IllegalArgumentException("tensor " + p.getName() + ": Beak cannot read " + typeName(t.getNumber()) + " values");
        };
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    /** IEEE half precision bits to a value. */
    private static double half(int bits) {
        return Float.float16ToFloat((short) bits);
    }

    /** A float32 TensorProto holding {@code t} (raw data, little-endian). */
    public static TensorProto fromTensor(String name, Tensor t) {
        ByteBuffer b = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : t.data()) b.putFloat(v);
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (int d : t.shape()) p.addDims(d);
        return p.build();
    }
}
