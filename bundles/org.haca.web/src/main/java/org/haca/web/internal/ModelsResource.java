package org.haca.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.ModelRejectedException;
import org.haca.api.proof.ProofException;
import org.haca.api.proof.VerificationKeys;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code /api/v1/models}: upload (raw ONNX body, {@code ?name=}), list, describe and delete models, and
 * {@code GET /models/{id}/verification_key.json} (the model's ZKML verification key). Upload and delete
 * need the node's admin credentials (HTTP Basic, see {@link AdminAuth}). The upload limit
 * is the framework property {@code haca.models.maxBytes} (default 256 MiB); over it the answer is 413 before the body
 * is read past the limit.
 */
@Component(service = ApiResource.class)
public final class ModelsResource implements ApiResource {
    static final long DEFAULT_MAX_MODEL_BYTES = 256L << 20;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ModelRegistry registry;

    /** Per-model verification keys of ZK proof systems ({@code GET /models/{id}/verification_key.json}). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<VerificationKeys> verificationKeys;

    private final long maxModelBytes;

    @Activate
    public ModelsResource(BundleContext context) {
        this(parseLimit(context.getProperty("haca.models.maxBytes")));
    }

    ModelsResource(long maxModelBytes) {
        this.maxModelBytes = maxModelBytes;
    }

    @Override
    public String root() {
        return "models";
    }

    /** Uploading and deleting change what the node stores and serves: admin only. Listing and reading are open. */
    @Override
    public boolean requiresAdmin(ApiRequest request) {
        return !"GET".equals(request.method()) && !"HEAD".equals(request.method());
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws ApiException {
        ModelRegistry reg = registry;
        if (reg == null) {
            throw InferenceErrors.unavailable("no model registry on this node");
        }
        List<String> seg = request.segments();
        String method = request.method();
        if (seg.isEmpty()) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(list(reg));
                case "POST" -> upload(reg, request);
                default -> throw ApiException.methodNotAllowed(method, request.path());
            };
        }
        if (seg.size() == 1) {
            String id = seg.get(0);
            return switch (method) {
                case "GET" -> ApiResponse.ok(TensorJson.descriptor(reg.find(id)
                        .orElseThrow(() -> ApiException.notFound("unknown model '" + id + "'"))));
                case "DELETE" -> delete(reg, id);
                default -> throw ApiException.methodNotAllowed(method, request.path());
            };
        }
        if (seg.size() == 2 && seg.get(1).equals("verification_key.json")) {
            if (!"GET".equals(method)) {
                throw ApiException.methodNotAllowed(method, request.path());
            }
            return verificationKey(reg, seg.get(0), request.queryParam("scheme").orElse(null));
        }
        throw ApiException.notFound("no resource at " + request.path());
    }

    /**
     * The model's ZKML verification key (snarkjs {@code verification_key.json}), made on first request. With several
     * ZK schemes installed, {@code ?scheme=} picks one; otherwise the only one is used.
     */
    private ApiResponse verificationKey(ModelRegistry reg, String id, String scheme) throws ApiException {
        if (reg.find(id).isEmpty()) {
            throw ApiException.notFound("unknown model '" + id + "'");
        }
        List<VerificationKeys> all = verificationKeys == null ? List.of() : List.copyOf(verificationKeys);
        List<VerificationKeys> matching = all.stream().filter(k -> scheme == null || scheme.equals(k.schemeId()))
                .toList();
        if (matching.isEmpty()) {
            throw ApiException.notFound(scheme == null ? "no ZK proof system on this node publishes verification keys"
                    : "no proof system for scheme " + scheme + " publishes verification keys here");
        }
        if (matching.size() > 1) {
            throw ApiException.badRequest("several schemes publish keys; choose one with ?scheme="
                    + matching.stream().map(VerificationKeys::schemeId).toList());
        }
        try {
            byte[] key = matching.get(0).verificationKey(id)
                    .orElseThrow(() -> ApiException.notFound("unknown model '" + id + "'"));
            return ApiResponse.raw(key, "application/json");
        } catch (ProofException e) {
            throw new ApiException(422, "unprovable_model", e.getMessage());
        }
    }

    private static JsonObject list(ModelRegistry reg) {
        JsonArray models = new JsonArray();
        reg.list().forEach(d -> models.add(TensorJson.descriptor(d)));
        JsonObject o = new JsonObject();
        o.add("models", models);
        return o;
    }

    private ApiResponse upload(ModelRegistry reg, ApiRequest request) throws ApiException {
        if (request.body().declaredLength() > maxModelBytes) {
            throw ApiException.tooLarge(maxModelBytes);
        }
        Instant started = Instant.now();
        String name = request.queryParam("name").orElse("");
        ModelDescriptor d;
        try (InputStream in = request.body().open()) {
            d = reg.store(name, in, maxModelBytes);
        } catch (ModelRejectedException e) {
            throw InferenceErrors.of(e);
        } catch (IOException e) {
            throw new ApiException(500, "storage_error", "the model could not be stored: " + e.getMessage());
        }
        // the same bytes uploaded again are not a new resource: 200 with the first upload's descriptor
        boolean existed = d.storedAt().isBefore(started);
        return existed ? ApiResponse.ok(TensorJson.descriptor(d)) : ApiResponse.created(TensorJson.descriptor(d));
    }

    private static ApiResponse delete(ModelRegistry reg, String id) throws ApiException {
        try {
            if (!reg.delete(id)) {
                throw ApiException.notFound("unknown model '" + id + "'");
            }
        } catch (IOException e) {
            throw new ApiException(500, "storage_error", "the model could not be deleted: " + e.getMessage());
        }
        return ApiResponse.noContent();
    }

    static long parseLimit(String value) {
        return parseLimitOr(value, DEFAULT_MAX_MODEL_BYTES);
    }

    /** A positive byte count from a framework property, or the default when absent or unreadable. */
    static long parseLimitOr(String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.strip());
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
