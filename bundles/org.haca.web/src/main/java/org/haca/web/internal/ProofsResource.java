package org.haca.web.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * {@code POST /api/v1/proofs/verify}: checks a proof with the {@link ProofSystem} registered for its scheme (highest
 * {@code service.ranking} wins, then the lowest service id) and answers {@code {valid, reason, checks, scheme, at}}.
 *
 * <p>Request: {@code {scheme, proof, statement?: {networkId, modelHash, inputHash, outputHash, nonce, timestampMillis},
 * at?, attributes?}}. Without {@code statement} the proof is checked on its own, unbound (ZK proofs:
 * {@code {scheme:"zk.groth16.bn254.v1", proof:{verification_key, proof, public}}}). {@code proof} is base64 (standard alphabet, padding optional) for binary proofs such as a Nitro
 * COSE document, or a JSON object/array for JSON proofs (its compact UTF-8 text is handed over). {@code at} is epoch
 * milliseconds (audit mode); without it the proof is judged now. Unknown scheme: 404; malformed request: 400. An
 * invalid proof is a 200 with {@code valid=false}: the request was fine, the proof was not.
 */
@Component(service = ApiResource.class)
public final class ProofsResource implements ApiResource {
    private static final Logger LOG = LoggerFactory.getLogger(ProofsResource.class);
    static final long MAX_BODY = 4L * 1024 * 1024;
    /**
     * Without a statement the proof is checked on its own (for Groth16: the pairing equation over its public signals);
     * schemes that can only check a binding (TEE) answer invalid.
     */
    static final Statement UNBOUND = new Statement("", "", "", "", "", 0);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ProofSystem>> proofSystems;

    @Override
    public String root() {
        return "proofs";
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws ApiException {
        if (!request.segments().equals(List.of("verify"))) {
            throw ApiException.notFound("no resource at " + request.path() + "; try POST /api/v1/proofs/verify");
        }
        if (!"POST".equals(request.method())) {
            throw ApiException.methodNotAllowed(request.method(), request.path());
        }
        JsonElement body = request.jsonBody(MAX_BODY);
        if (!body.isJsonObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        JsonObject o = body.getAsJsonObject();
        String scheme = string(o, "scheme");
        byte[] proofBytes = proofBytes(o.get("proof"));
        Statement statement = o.has("statement") && !o.get("statement").isJsonNull() ? statement(o.get("statement"))
                : UNBOUND;
        Instant at = o.has("at") && !o.get("at").isJsonNull() ? Instant.ofEpochMilli(longValue(o.get("at"), "at"))
                : Instant.now();
        Map<String, String> attributes = attributes(o.get("attributes"));

        ProofSystem system = select(scheme);
        if (system == null) {
            throw ApiException.notFound("no proof system for scheme " + scheme + " on this node");
        }
        Verdict verdict;
        try {
            verdict = system.verify(new Proof(scheme, proofBytes, attributes), statement, new VerificationContext(at));
        } catch (RuntimeException e) {
            // a ProofSystem must never throw (API contract); report it as a server-side fault, without details
            LOG.error("proof system for {} threw during verify", scheme, e);
            throw new ApiException(500, "verifier_error", "the proof system for " + scheme + " failed; see the node log");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", verdict.valid());
        out.put("reason", verdict.reason());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Verdict.Check c : verdict.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("passed", c.passed());
            m.put("detail", c.detail());
            checks.add(m);
        }
        out.put("checks", checks);
        out.put("scheme", scheme);
        out.put("at", at.toEpochMilli());
        return ApiResponse.ok(out);
    }

    /** The provider for a scheme: highest service.ranking, then lowest service.id. */
    ProofSystem select(String scheme) {
        List<Map.Entry<Map<String, Object>, ProofSystem>> list = proofSystems;
        if (list == null) {
            return null;
        }
        Map.Entry<Map<String, Object>, ProofSystem> best = null;
        for (Map.Entry<Map<String, Object>, ProofSystem> e : List.copyOf(list)) {
            String id;
            try {
                id = e.getValue().schemeId();
            } catch (RuntimeException ex) {
                continue;
            }
            if (!scheme.equals(id)) {
                continue;
            }
            if (best == null || better(e.getKey(), best.getKey())) {
                best = e;
            }
        }
        return best == null ? null : best.getValue();
    }

    private static boolean better(Map<String, Object> a, Map<String, Object> b) {
        int ra = ranking(a);
        int rb = ranking(b);
        if (ra != rb) {
            return ra > rb;
        }
        return id(a) < id(b);
    }

    private static int ranking(Map<String, Object> p) {
        return p.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static long id(Map<String, Object> p) {
        return p.get(Constants.SERVICE_ID) instanceof Long l ? l : Long.MAX_VALUE;
    }

    private static byte[] proofBytes(JsonElement e) throws ApiException {
        if (e == null || e.isJsonNull()) {
            throw ApiException.badRequest("missing field: proof");
        }
        if (e.isJsonObject() || e.isJsonArray()) {
            return Json.GSON.toJson(e).getBytes(StandardCharsets.UTF_8);
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiException.badRequest("proof must be a base64 string or a JSON object");
        }
        String s = e.getAsString().replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest("proof is not valid base64: " + ex.getMessage());
        }
    }

    private static Statement statement(JsonElement e) throws ApiException {
        if (e == null || !e.isJsonObject()) {
            throw ApiException.badRequest("statement must be an object {networkId, modelHash, inputHash, outputHash, "
                    + "nonce, timestampMillis}");
        }
        JsonObject s = e.getAsJsonObject();
        return new Statement(string(s, "networkId"), string(s, "modelHash"), string(s, "inputHash"),
                string(s, "outputHash"), string(s, "nonce"), longValue(s.get("timestampMillis"), "timestampMillis"));
    }

    private static Map<String, String> attributes(JsonElement e) throws ApiException {
        if (e == null || e.isJsonNull()) {
            return Map.of();
        }
        if (!e.isJsonObject()) {
            throw ApiException.badRequest("attributes must be an object of strings");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> a : e.getAsJsonObject().entrySet()) {
            if (!a.getValue().isJsonPrimitive() || !a.getValue().getAsJsonPrimitive().isString()) {
                throw ApiException.badRequest("attribute " + a.getKey() + " must be a string");
            }
            m.put(a.getKey(), a.getValue().getAsString());
        }
        return m;
    }

    private static String string(JsonObject o, String name) throws ApiException {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw ApiException.badRequest("missing field: " + name);
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiException.badRequest(name + " must be a string");
        }
        return e.getAsString();
    }

    private static long longValue(JsonElement e, String name) throws ApiException {
        if (e == null || e.isJsonNull()) {
            throw ApiException.badRequest("missing field: " + name);
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw ApiException.badRequest(name + " must be an integer (epoch milliseconds)");
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        try {
            return new java.math.BigDecimal(p.getAsString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException ex) {
            throw ApiException.badRequest(name + " must be an integer (epoch milliseconds)");
        }
    }
}
