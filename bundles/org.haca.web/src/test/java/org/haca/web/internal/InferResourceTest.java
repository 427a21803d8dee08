package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceException.Kind;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.model.CanonicalHash;
import org.haca.api.model.DType;
import org.haca.api.model.Tensor;
import org.haca.api.proof.Proof;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class InferResourceTest {
    private final ApiServlet servlet = new ApiServlet();
    private InferResource resource;
    private InferenceRequest lastRequest;
    private InferenceException failWith;
    private Proof proof;

    /** Doubles every input value into output "y"; records the parsed request. */
    private final InferenceService doubler = request -> {
        lastRequest = request;
        if (failWith != null) {
            throw failWith;
        }
        Tensor x = request.inputs().get("x");
        float[] v = x.floats();
        for (int k = 0; k < v.length; k++) {
            v[k] *= 2;
        }
        Map<String, Tensor> out = Map.of("y", Tensor.ofFloats(x.shape(), v));
        return new InferenceResult("req-1", request.modelId(), request.mode(), "onnxruntime", out, request.modelId(),
                CanonicalHash.ofTensors(request.inputs()), CanonicalHash.ofTensors(out), proof, null);
    };

    @BeforeEach
    void setUp() {
        resource = new InferResource(4096);
        resource.inference = doubler;
        servlet.addResource(resource);
    }

    private FakeHttp post(String body) throws Exception {
        FakeHttp http = new FakeHttp();
        servlet.service(FakeHttp.request("POST", "/api/v1/infer", null, body.getBytes(StandardCharsets.UTF_8)),
                http.response());
        return http;
    }

    private static JsonObject json(FakeHttp http) {
        return JsonParser.parseString(http.bodyText()).getAsJsonObject();
    }

    @Test
    void vanillaRoundTripHasEveryDocumentedKey() throws Exception {
        FakeHttp http = post("{\"model\":\"m1\",\"mode\":\"vanilla\",\"input\":{\"x\":{\"shape\":[2,2],"
                + "\"data\":[[1,2],[3,4.5]]}}}");
        assertEquals(200, http.status, http.bodyText());
        JsonObject r = json(http);
        for (String key : List.of("requestId", "model", "mode", "backend", "output", "modelHash", "inputHash",
                "outputHash", "proof", "tx")) {
            assertTrue(r.has(key), key);
        }
        assertEquals("VANILLA", r.get("mode").getAsString());
        assertTrue(r.get("proof").isJsonNull());
        assertTrue(r.get("tx").isJsonNull());
        JsonObject y = r.getAsJsonObject("output").getAsJsonObject("y");
        assertEquals("[2,2]", y.get("shape").toString());
        assertEquals("[2.0,4.0,6.0,9.0]", y.get("data").toString());
        assertEquals("FLOAT32", y.get("dtype").getAsString());
        assertArrayEquals(new float[] {1, 2, 3, 4.5f}, lastRequest.inputs().get("x").floats());
        assertEquals(CanonicalHash.ofTensors(lastRequest.inputs()), r.get("inputHash").getAsString());
    }

    @Test
    void optionalFieldsAreParsed() throws Exception {
        proof = new Proof("tee.simulated.v1", new byte[] {1, 2, 3}, Map.of("k", "v"));
        FakeHttp http = post("{\"model\":\"m1\",\"mode\":\"TEE\",\"backend\":\"quant\",\"nonce\":\"abcd\","
                + "\"input\":{\"x\":{\"shape\":[1],\"data\":[1]},\"ids\":{\"dtype\":\"int64\",\"shape\":[2],"
                + "\"data\":[7,-9]}}}");
        assertEquals(200, http.status, http.bodyText());
        assertEquals(InferenceMode.TEE, lastRequest.mode());
        assertEquals("quant", lastRequest.backend());
        assertEquals("abcd", lastRequest.nonce());
        assertEquals(DType.INT64, lastRequest.inputs().get("ids").dtype());
        assertArrayEquals(new long[] {7, -9}, lastRequest.inputs().get("ids").longs());
        JsonObject p = json(http).getAsJsonObject("proof");
        assertEquals("tee.simulated.v1", p.get("scheme").getAsString());
        assertEquals("AQID", p.get("payload").getAsString());
        assertEquals("v", p.getAsJsonObject("attributes").get("k").getAsString());
    }

    @Test
    void malformedRequestsAre400WithAMessage() throws Exception {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("[]", "JSON object"),
                Map.entry("{\"input\":{}}", "'model'"),
                Map.entry("{\"model\":\"m\",\"mode\":\"FAST\",\"input\":{}}", "unknown mode"),
                Map.entry("{\"model\":\"m\",\"input\":[1,2]}", "'input' must be an object"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[2],\"data\":[1]}}}", "needs 2 values, got 1"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[1],\"data\":[\"1\"]}}}", "not a number"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[1],\"data\":[null]}}}", "null"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[-1],\"data\":[]}}}", "non-negative"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[1.5],\"data\":[1]}}}", "non-negative integer"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"data\":[1]}}}", "'shape'"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[1]}}}", "'data'"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[1],\"dtype\":\"bf16\",\"data\":[1]}}}",
                        "unknown dtype"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[1],\"dtype\":\"INT64\",\"data\":[1.5]}}}",
                        "not an integer"),
                Map.entry("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[99999,99999,99999],\"data\":[1]}}}",
                        "needs"),
                Map.entry("{\"model\":7,\"input\":{}}", "'model' must be a string"),
                Map.entry("{\"model\":\"m\",", "malformed JSON"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            FakeHttp http = post(c.getKey());
            assertEquals(400, http.status, c.getKey() + " -> " + http.bodyText());
            assertEquals("bad_request", json(http).get("error").getAsString());
            assertTrue(json(http).get("message").getAsString().contains(c.getValue()),
                    c.getKey() + " -> " + http.bodyText());
        }
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        FakeHttp http = post("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[1],\"data\":[" + "1,".repeat(3000)
                + "1]}}}");
        assertEquals(413, http.status);
    }

    @Test
    void serviceErrorsMapToStatusCodes() throws Exception {
        Map<Kind, Integer> expected = Map.of(Kind.BAD_INPUT, 400, Kind.NOT_FOUND, 404, Kind.UNSUPPORTED, 501,
                Kind.UNAVAILABLE, 503, Kind.INTERNAL, 500);
        for (Map.Entry<Kind, Integer> e : expected.entrySet()) {
            failWith = new InferenceException(e.getKey(), "because " + e.getKey());
            FakeHttp http = post("{\"model\":\"m\",\"input\":{\"x\":{\"shape\":[1],\"data\":[1]}}}");
            assertEquals(e.getValue(), http.status);
            assertEquals("because " + e.getKey(), json(http).get("message").getAsString());
        }
    }

    @Test
    void noInferenceServiceIs503AndGetIs405() throws Exception {
        FakeHttp get = new FakeHttp();
        servlet.service(FakeHttp.request("GET", "/api/v1/infer", null, new byte[0]), get.response());
        assertEquals(405, get.status);
        resource.inference = null;
        assertEquals(503, post("{\"model\":\"m\",\"input\":{}}").status);
    }

    @Test
    void nonFiniteOutputsBecomeNullInJson() {
        JsonObject t = TensorJson.tensor(Tensor.ofFloats(new long[] {2}, 1f, Float.NaN));
        assertEquals("[1.0,null]", t.get("data").toString());
    }
}
