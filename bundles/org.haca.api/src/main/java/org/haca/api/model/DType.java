package org.haca.api.model;

/**
 * Element types a {@link Tensor} can hold. The names are part of the canonical hash encoding
 * ({@link CanonicalHash}); never rename a constant.
 */
public enum DType {
    FLOAT32(4),
    INT8(1),
    INT32(4),
    INT64(8);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element in the little-endian data encoding. */
    public int byteSize() {
        return byteSize;
    }
}
