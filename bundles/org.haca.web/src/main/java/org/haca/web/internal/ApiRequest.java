package org.haca.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * One REST call as a resource sees it: method, path segments below the resource root, query parameters and a body
 * that can only be read within a size limit.
 *
 * @param segments the path after {@code /api/v1/<root>}, split on '/', empty segments dropped
 */
public record ApiRequest(String method, String root, List<String> segments, Map<String, List<String>> query,
        BodySource body) {

    /** Lazily opened request body with the declared length (-1 when unknown). */
    public interface BodySource {
        InputStream open() throws IOException;

        long declaredLength();
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String path() {
        return "/api/v1/" + root + (segments.isEmpty() ? "" : "/" + String.join("/", segments));
    }

    /** Reads the whole body, failing with 413 as soon as it exceeds {@code maxBytes}. */
    public byte[] bodyBytes(long maxBytes) throws ApiException {
        if (body.declaredLength() > maxBytes) {
            throw ApiException.tooLarge(maxBytes);
        }
        try (InputStream in = body.open()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0;) {
                total += n;
                if (total > maxBytes) {
                    throw ApiException.tooLarge(maxBytes);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("could not read request body: " + e.getMessage());
        }
    }

    /** Parses the body as JSON (within {@code maxBytes}); malformed JSON is a 400 naming the problem. */
    public JsonElement jsonBody(long maxBytes) throws ApiException {
        String text = new String(bodyBytes(maxBytes), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiException.badRequest("request body must be a JSON document");
        }
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getMessage());
        }
    }
}
