package dev.beak.data;

/**
 * The element types an IDX file can declare in the third byte of its magic number, with their
 * big-endian sizes in bytes.
 */
public enum IdxType {
    UNSIGNED_BYTE(0x08, 1),
    SIGNED_BYTE(0x09, 1),
    SHORT(0x0B, 2),
    INT(0x0C, 4),
    FLOAT(0x0D, 4),
    DOUBLE(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type code as it appears in the file, for example {@code 0x08}. */
    public int code() {
        return code;
    }

    /** Size of one value in bytes. */
    public int bytes() {
        return bytes;
    }

    /** The type with this code, or null if the code is not one of the six IDX types. */
    static IdxType ofCode(int code) {
        for (IdxType t : values()) {
            if (t.code == code) return t;
        }
        return null;
    }

    /** The supported codes, for error messages: {@code 0x08 (UNSIGNED_BYTE), 0x09 (SIGNED_BYTE), ...}. */
    static String describeAll() {
        StringBuilder sb = new StringBuilder();
        for (IdxType t : values()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(String.format("0x%02X (%s)", t.code, t.name()));
        }
        return sb.toString();
    }
}
