package org.haca.web.internal;

/**
 * What a resource returns: a status and a body that the servlet serializes with gson (any object, or a
 * {@link com.google.gson.JsonElement}), or raw bytes with their own content type.
 */
public record ApiResponse(int status, Object json, byte[] raw, String contentType) {

    public static ApiResponse ok(Object json) {
        return new ApiResponse(200, json, null, null);
    }

    public static ApiResponse created(Object json) {
        return new ApiResponse(201, json, null, null);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null, null);
    }

    public static ApiResponse raw(byte[] body, String contentType) {
        return new ApiResponse(200, null, body, contentType);
    }
}
