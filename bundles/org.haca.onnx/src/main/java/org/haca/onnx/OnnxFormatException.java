package org.haca.onnx;

/** The bytes are not a well-formed ONNX model this reader understands (truncated, garbage, wrong structure). */
public class OnnxFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public OnnxFormatException(String message) {
        super(message);
    }
}
