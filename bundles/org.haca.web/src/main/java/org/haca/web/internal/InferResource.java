package org.haca.web.internal;

import java.util.Locale;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.model.Tensor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code POST /api/v1/infer {model, mode, backend?, nonce?, input}} →
 * {@code {requestId, model, mode, backend, output, modelHash, inputHash, outputHash, proof, tx}}. The body limit is the
 * framework property {@code haca.infer.maxBodyBytes} (default 64 MiB).
 */
@Component(service = ApiResource.class)
public final class InferResource implements ApiResource {
    static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InferenceService inference;

    private final long maxBodyBytes;

    @Activate
    public InferResource(BundleContext context) {
        this(ModelsResource.parseLimitOr(context.getProperty("haca.infer.maxBodyBytes"), DEFAULT_MAX_BODY_BYTES));
    }

    InferResource(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String root() {
        return "infer";
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws ApiException {
        if (!request.segments().isEmpty()) {
            throw ApiException.notFound("no resource at " + request.path());
        }
        if (!"POST".equals(request.method())) {
            throw ApiException.methodNotAllowed(request.method(), request.path());
        }
        InferenceService service = inference;
        if (service == null) {
            throw InferenceErrors.unavailable("this node serves no inference (no InferenceService installed)");
        }
        InferenceRequest req = parse(request.jsonBody(maxBodyBytes));
        try {
            return ApiResponse.ok(render(service.infer(req)));
        } catch (InferenceException e) {
            throw InferenceErrors.of(e);
        }
    }

    static InferenceRequest parse(JsonElement body) throws ApiException {
        if (!body.isJsonObject()) {
            throw ApiException.badRequest("request body must be a JSON object {model, mode, input}");
        }
        JsonObject o = body.getAsJsonObject();
        String model = string(o, "model");
        if (model == null || model.isBlank()) {
            throw ApiException.badRequest("'model' (a model id) is required");
        }
        String modeText = string(o, "mode");
        InferenceMode mode;
        try {
            mode = modeText == null ? InferenceMode.VANILLA : InferenceMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unknown mode '" + modeText + "'; one of VANILLA, TEE, ZKML");
        }
        Map<String, Tensor> inputs = TensorJson.parseTensors(o.get("input"));
        return new InferenceRequest(model, mode, string(o, "backend"), inputs, string(o, "nonce"));
    }

    private static String string(JsonObject o, String key) throws ApiException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiException.badRequest("'" + key + "' must be a string");
        }
        return e.getAsString();
    }

    static JsonObject render(InferenceResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("requestId", r.requestId());
        o.addProperty("model", r.modelId());
        o.addProperty("mode", r.mode().name());
        o.addProperty("backend", r.backend());
        o.add("output", TensorJson.tensors(r.outputs()));
        o.addProperty("modelHash", r.modelHash());
        o.addProperty("inputHash", r.inputHash());
        o.addProperty("outputHash", r.outputHash());
        o.add("proof", TensorJson.proof(r.proof()));
        o.addProperty("tx", r.txHash());
        return o;
    }
}
