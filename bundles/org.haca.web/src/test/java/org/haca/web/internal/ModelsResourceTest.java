package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haca.api.model.CanonicalHash;
import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.ModelRejectedException;
import org.haca.api.model.ModelRejectedException.Reason;
import org.haca.api.model.TensorSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ModelsResourceTest {
    private final ApiServlet servlet = new ApiServlet();
    private final MemoryRegistry registry = new MemoryRegistry();
    private ModelsResource resource;

    /** Accepts bodies starting with "MODEL", rejects the rest the way the real registry classifies them. */
    static final class MemoryRegistry implements ModelRegistry {
        final Map<String, ModelDescriptor> models = new LinkedHashMap<>();
        final List<String> deleted = new ArrayList<>();

        @Override
        public synchronized ModelDescriptor store(String name, InputStream in, long maxBytes)
                throws ModelRejectedException, IOException {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE, maxBytes + 1));
            if (b.length > maxBytes) {
                throw new ModelRejectedException(Reason.TOO_LARGE, "over " + maxBytes);
            }
            if (!new String(b, StandardCharsets.UTF_8).startsWith("MODEL")) {
                throw new ModelRejectedException(Reason.MALFORMED, "not a valid ONNX model: junk");
            }
            String id = CanonicalHash.ofBytes(b);
            return models.computeIfAbsent(id, k -> new ModelDescriptor(id, name, b.length,
                    List.of(new TensorSpec("input", DType.FLOAT32, List.of(-1L, 784L))),
                    List.of(new TensorSpec("logits", DType.FLOAT32, List.of(-1L, 10L))), Instant.now()));
        }

        @Override
        public synchronized List<ModelDescriptor> list() {
            return List.copyOf(models.values());
        }

        @Override
        public synchronized Optional<ModelDescriptor> find(String id) {
            return Optional.ofNullable(models.get(id));
        }

        @Override
        public byte[] read(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized boolean delete(String id) {
            deleted.add(id);
            return models.remove(id) != null;
        }
    }

    @BeforeEach
    void setUp() {
        resource = new ModelsResource(100);
        resource.registry = registry;
        servlet.addResource(resource);
        servlet.setAdminCredentials("ops", "right-password");
    }

    private static final String ADMIN = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("ops:right-password".getBytes(StandardCharsets.UTF_8));

    /** Calls as the admin: uploads and deletes need it. */
    private FakeHttp call(String method, String uri, String query, String body) throws Exception {
        return call(method, uri, query, body, ADMIN);
    }

    private FakeHttp call(String method, String uri, String query, String body, String authorization)
            throws Exception {
        FakeHttp http = new FakeHttp();
        servlet.service(FakeHttp.request(method, uri, query, body.getBytes(StandardCharsets.UTF_8), authorization),
                http.response());
        return http;
    }

    private static JsonObject json(FakeHttp http) {
        return JsonParser.parseString(http.bodyText()).getAsJsonObject();
    }

    @Test
    void uploadDescribesTheModelAndReuploadIsIdempotent() throws Exception {
        FakeHttp first = call("POST", "/api/v1/models", "name=mnist%20mlp", "MODEL-1");
        assertEquals(201, first.status, first.bodyText());
        JsonObject d = json(first);
        String id = CanonicalHash.ofBytes("MODEL-1".getBytes(StandardCharsets.UTF_8));
        assertEquals(id, d.get("id").getAsString());
        assertEquals("mnist mlp", d.get("name").getAsString());
        assertEquals(7, d.get("size").getAsLong());
        assertEquals("input", d.getAsJsonArray("inputs").get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("[-1,784]", d.getAsJsonArray("inputs").get(0).getAsJsonObject().get("shape").toString());
        assertEquals("FLOAT32", d.getAsJsonArray("outputs").get(0).getAsJsonObject().get("dtype").getAsString());

        FakeHttp again = call("POST", "/api/v1/models", "name=other", "MODEL-1");
        assertEquals(200, again.status);
        assertEquals(d, json(again));
    }

    @Test
    void listGetAndDelete() throws Exception {
        call("POST", "/api/v1/models", null, "MODEL-a");
        call("POST", "/api/v1/models", null, "MODEL-b");
        FakeHttp list = call("GET", "/api/v1/models", null, "");
        assertEquals(200, list.status);
        assertEquals(2, json(list).getAsJsonArray("models").size());
        String id = json(list).getAsJsonArray("models").get(0).getAsJsonObject().get("id").getAsString();
        assertEquals(id, json(call("GET", "/api/v1/models/" + id, null, "")).get("id").getAsString());
        assertEquals(204, call("DELETE", "/api/v1/models/" + id, null, "").status);
        FakeHttp gone = call("GET", "/api/v1/models/" + id, null, "");
        assertEquals(404, gone.status);
        assertEquals("not_found", json(gone).get("error").getAsString());
        assertEquals(404, call("DELETE", "/api/v1/models/" + id, null, "").status);
        assertEquals(1, json(call("GET", "/api/v1/models", null, "")).getAsJsonArray("models").size());
    }

    @Test
    void rejectedModelsAreClientErrorsWithAReason() throws Exception {
        FakeHttp junk = call("POST", "/api/v1/models", null, "GARBAGE");
        assertEquals(400, junk.status);
        assertEquals("malformed_model", json(junk).get("error").getAsString());
        assertTrue(json(junk).get("message").getAsString().contains("not a valid ONNX model"));
        FakeHttp big = call("POST", "/api/v1/models", null, "MODEL" + "x".repeat(200));
        assertEquals(413, big.status);
        assertEquals("payload_too_large", json(big).get("error").getAsString());
        assertTrue(registry.models.isEmpty());
    }

    @Test
    void wrongMethodsPathsAndMissingRegistry() throws Exception {
        assertEquals(405, call("PUT", "/api/v1/models", null, "").status);
        assertEquals(405, call("POST", "/api/v1/models/abc", null, "").status);
        assertEquals(404, call("GET", "/api/v1/models/abc/def/ghi", null, "").status);
        resource.registry = null;
        FakeHttp none = call("GET", "/api/v1/models", null, "");
        assertEquals(503, none.status);
        assertEquals("service_unavailable", json(none).get("error").getAsString());
    }

    @Test
    void uploadAndDeleteNeedAdminCredentialsReadsDoNot() throws Exception {
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("ops:nope".getBytes(
                StandardCharsets.UTF_8));
        for (String auth : new String[] {null, wrong}) {
            FakeHttp up = call("POST", "/api/v1/models", null, "MODEL-x", auth);
            assertEquals(401, up.status);
            assertEquals("unauthorized", json(up).get("error").getAsString());
        }
        assertTrue(registry.models.isEmpty(), "an unauthorised upload stores nothing");
        String id = json(call("POST", "/api/v1/models", null, "MODEL-x")).get("id").getAsString();
        assertEquals(200, call("GET", "/api/v1/models", null, "", null).status);
        assertEquals(200, call("GET", "/api/v1/models/" + id, null, "", null).status);
        assertEquals(401, call("DELETE", "/api/v1/models/" + id, null, "", null).status);
        assertTrue(registry.find(id).isPresent(), "an unauthorised delete removes nothing");
    }

    @Test
    void limitComesFromTheFrameworkPropertyWithASaneDefault() {
        assertEquals(ModelsResource.DEFAULT_MAX_MODEL_BYTES, ModelsResource.parseLimit(null));
        assertEquals(ModelsResource.DEFAULT_MAX_MODEL_BYTES, ModelsResource.parseLimit("lots"));
        assertEquals(ModelsResource.DEFAULT_MAX_MODEL_BYTES, ModelsResource.parseLimit("-5"));
        assertEquals(1234, ModelsResource.parseLimit(" 1234 "));
    }

    /** A ZK scheme's key store: knows keys for models whose id starts with "a", cannot compile the others. */
    private static org.haca.api.proof.VerificationKeys keys(String scheme) {
        return new org.haca.api.proof.VerificationKeys() {
            @Override
            public String schemeId() {
                return scheme;
            }

            @Override
            public Optional<byte[]> verificationKey(String modelId) throws org.haca.api.proof.ProofException {
                if (modelId.startsWith("a")) {
                    return Optional.of(("{\"protocol\":\"groth16\",\"scheme\":\"" + scheme + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
                }
                throw new org.haca.api.proof.ProofException("unsupported op Sigmoid");
            }
        };
    }

    @Test
    void verificationKeyIsServedFromTheZkSchemeOpenlyAndExplainsFailures() throws Exception {
        String id = json(call("POST", "/api/v1/models", null, "MODEL-vk")).get("id").getAsString();
        String path = "/api/v1/models/" + id + "/verification_key.json";
        FakeHttp none = call("GET", path, null, "", null);
        assertEquals(404, none.status, "no ZK scheme installed: " + none.bodyText());

        resource.verificationKeys = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(keys("zk.a")));
        FakeHttp ok = call("GET", path, null, "", null);
        if (id.startsWith("a")) {
            assertEquals(200, ok.status, ok.bodyText());
            assertEquals("groth16", json(ok).get("protocol").getAsString());
        } else {
            assertEquals(422, ok.status, ok.bodyText());
            assertEquals("unprovable_model", json(ok).get("error").getAsString());
            assertTrue(json(ok).get("message").getAsString().contains("Sigmoid"));
        }
        assertEquals(404, call("GET", "/api/v1/models/" + "0".repeat(64) + "/verification_key.json", null, "", null)
                .status);
        assertEquals(405, call("POST", path, null, "{}").status);

        resource.verificationKeys.add(keys("zk.b"));
        assertEquals(400, call("GET", path, null, "", null).status, "two schemes: the caller must choose");
        FakeHttp chosen = call("GET", path, "scheme=zk.b", "", null);
        assertEquals(id.startsWith("a") ? 200 : 422, chosen.status, chosen.bodyText());
        assertEquals(404, call("GET", path, "scheme=zk.c", "", null).status);
    }
}
