package org.haca.web.internal;

import org.haca.api.inference.InferenceException;
import org.haca.api.model.ModelRejectedException;

/** Maps service-level failures to HTTP statuses and stable error codes. */
final class InferenceErrors {

    private InferenceErrors() {
    }

    static ApiException of(InferenceException e) {
        return switch (e.kind()) {
            case BAD_INPUT -> ApiException.badRequest(e.getMessage());
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case UNSUPPORTED -> new ApiException(501, "not_implemented", e.getMessage());
            case UNAVAILABLE -> unavailable(e.getMessage());
            case INTERNAL -> new ApiException(500, "internal_error", e.getMessage());
        };
    }

    static ApiException of(ModelRejectedException e) {
        return switch (e.reason()) {
            case MALFORMED -> new ApiException(400, "malformed_model", e.getMessage());
            case TOO_LARGE -> new ApiException(413, "payload_too_large", e.getMessage());
            case UNSUPPORTED -> new ApiException(422, "unsupported_model", e.getMessage());
            case CORRUPTED -> new ApiException(500, "corrupted_model", e.getMessage());
        };
    }

    static ApiException unavailable(String message) {
        return new ApiException(503, "service_unavailable", message);
    }
}
