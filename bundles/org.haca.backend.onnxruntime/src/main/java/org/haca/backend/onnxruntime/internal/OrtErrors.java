package org.haca.backend.onnxruntime.internal;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;

import ai.onnxruntime.OrtException;

/** Maps ONNX Runtime error codes onto the kinds callers act on (REST status codes follow from them). */
final class OrtErrors {

    private OrtErrors() {
    }

    /** An error while creating a session: the stored model is one ORT cannot run. */
    static InferenceException onLoad(String modelId, OrtException e) {
        Kind kind = switch (e.getCode()) {
            case ORT_NOT_IMPLEMENTED, ORT_INVALID_GRAPH, ORT_NO_MODEL, ORT_INVALID_PROTOBUF, ORT_INVALID_ARGUMENT,
                    ORT_NO_SUCHFILE -> Kind.UNSUPPORTED;
            default -> Kind.INTERNAL;
        };
        return new InferenceException(kind, "onnxruntime cannot load model " + modelId + ": " + e.getMessage(), e);
    }

    /** An error while running: bad input shapes that slipped past validation, or an internal fault. */
    static InferenceException onRun(String modelId, OrtException e) {
        Kind kind = switch (e.getCode()) {
            case ORT_INVALID_ARGUMENT -> Kind.BAD_INPUT;
            case ORT_NOT_IMPLEMENTED -> Kind.UNSUPPORTED;
            default -> Kind.INTERNAL;
        };
        return new InferenceException(kind, "onnxruntime failed on model " + modelId + ": " + e.getMessage(), e);
    }
}
