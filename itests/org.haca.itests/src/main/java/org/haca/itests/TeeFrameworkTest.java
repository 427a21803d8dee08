package org.haca.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.Tensor;
import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The TEE proof bundles in a real Felix (dev mode): the three schemes are registered, a real Nitro document is checked
 * through {@code POST /api/v1/proofs/verify} at its recorded time, the ConfigAdmin policy changes the verdict live, and
 * a simulated proof round-trips.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class TeeFrameworkTest {
    static final String YAWN_PCR0 =
            "8bb159f202bb95d6d4d98e0e103918246cea734f1d57cd263e4fd56075ed53f6fa8c68854817a32749a241e11874c26b";
    static final Statement S = new Statement("haca-itest", "aa".repeat(32), "bb".repeat(32), "cc".repeat(32), "0102",
            1_736_179_625_000L);

    @InjectBundleContext
    BundleContext context;

    ProofSystem scheme(String id) throws Exception {
        for (ServiceReference<ProofSystem> r : context.getServiceReferences(ProofSystem.class, null)) {
            ProofSystem s = context.getService(r);
            if (s != null && id.equals(s.schemeId())) {
                return s;
            }
        }
        return null;
    }

    @Test
    void teeSchemesAreRegistered() throws Exception {
        assertNotNull(scheme("tee.nitro.v1"));
        assertNotNull(scheme("tee.tdx.v1"));
        assertNotNull(scheme("tee.simulated.v1"));
        assertFalse(scheme("tee.nitro.v1").canProve());
        assertTrue(scheme("tee.simulated.v1").canProve(), "dev node (haca.dev=true) proves with the simulator");
    }

    @Test
    void realNitroDocumentOverRestAndPolicyFromConfigAdmin(@InjectService ServiceAware<HttpServiceRuntime> runtime,
            @InjectService ConfigurationAdmin cm) throws Exception {
        String url = endpoint(runtime.getServiceReference()) + "api/v1/proofs/verify";
        byte[] doc;
        try (InputStream in = getClass().getResourceAsStream("/vectors/yawn-attestation.cose")) {
            doc = in.readAllBytes();
        }
        String body = "{\"scheme\":\"tee.nitro.v1\",\"proof\":\"" + Base64.getEncoder().encodeToString(doc)
                + "\",\"statement\":{\"networkId\":\"haca-itest\",\"modelHash\":\"" + S.modelHash()
                + "\",\"inputHash\":\"" + S.inputHash() + "\",\"outputHash\":\"" + S.outputHash()
                + "\",\"nonce\":\"0102\",\"timestampMillis\":1736179625000},\"at\":1736179625000}";

        JsonObject v = post(url, body, 200);
        assertFalse(v.get("valid").getAsBoolean());
        assertEquals(1736179625000L, v.get("at").getAsLong());
        assertTrue(passed(v, "signature") && passed(v, "certificate_chain") && passed(v, "certificate_validity"), v.toString());
        assertFalse(passed(v, "pcrs"), "default policy: no PCR0 allow-list");
        assertFalse(passed(v, "binding"), "third-party document: binding not HACA");

        Configuration c = cm.getConfiguration("org.haca.proof.tee.nitro", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("allowedPcr0", new String[] { YAWN_PCR0 });
        c.update(props);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!passed(v, "pcrs") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                v = post(url, body, 200);
            }
            assertTrue(passed(v, "pcrs"), "policy from ConfigAdmin applies: " + v);
        } finally {
            c.delete();
        }

        // now (no "at"): the leaf certificate expired in January 2025
        JsonObject now = post(url, body.replace(",\"at\":1736179625000", ""), 200);
        assertFalse(passed(now, "certificate_validity"));

        assertEquals(404, send(url, body.replace("tee.nitro.v1", "tee.nope.v1")).statusCode());
        assertEquals(400, send(url, "{\"scheme\":\"tee.nitro.v1\"}").statusCode());
    }

    @Test
    void simulatedProofRoundTripsOnADevNode(@InjectService ServiceAware<HttpServiceRuntime> runtime) throws Exception {
        ProofSystem sim = scheme("tee.simulated.v1");
        Proof p = sim.prove(new ProofRequest(S, new byte[0], Map.of(), Map.of()));
        assertEquals("SIMULATED", p.attributes().get("label"));
        Verdict v = sim.verify(p, S, new VerificationContext(Instant.now()));
        assertTrue(v.valid(), v.toString());
        String url = endpoint(runtime.getServiceReference()) + "api/v1/proofs/verify";
        String stmt = "\"statement\":{\"networkId\":\"haca-itest\",\"modelHash\":\"" + S.modelHash()
                + "\",\"inputHash\":\"" + S.inputHash() + "\",\"outputHash\":\"" + S.outputHash()
                + "\",\"nonce\":\"%s\",\"timestampMillis\":" + S.timestampMillis() + "}";
        String proof = "\"scheme\":\"tee.simulated.v1\",\"proof\":\"" + Base64.getEncoder().encodeToString(p.payload()) + "\"";
        assertTrue(post(url, "{" + proof + "," + String.format(stmt, "0102") + "}", 200).get("valid").getAsBoolean());
        JsonObject wrong = post(url, "{" + proof + "," + String.format(stmt, "0103") + "}", 200);
        assertFalse(wrong.get("valid").getAsBoolean());
        assertTrue(wrong.get("reason").getAsString().startsWith("binding"), wrong.toString());
    }

    /** TEE mode end to end on a dev node: infer → simulated proof → verified over REST against the result's statement. */
    @Test
    void teeInferenceReturnsASimulatedProofThatVerifies(@InjectService ModelRegistry registry,
            @InjectService InferenceService inference, @InjectService ServiceAware<HttpServiceRuntime> runtime)
            throws Exception {
        ModelDescriptor d = registry.store("itest-tee-mlp", new ByteArrayInputStream(TestModels.mlp()), 16 << 20);
        try {
            Map<String, Tensor> in = Map.of(TestModels.INPUT,
                    Tensor.ofFloats(new long[] { 1, 784 }, TestModels.input(9, 784)));
            InferenceResult r = inference.infer(new InferenceRequest(d.id(), InferenceMode.TEE, null, in, "c0ffee"));
            Proof p = r.proof();
            assertEquals("tee.simulated.v1", p.scheme());
            assertEquals("SIMULATED", p.attributes().get("label"));
            Statement st = new Statement(p.attributes().get("statement.networkId"), r.modelHash(), r.inputHash(),
                    r.outputHash(), p.attributes().get("statement.nonce"),
                    Long.parseLong(p.attributes().get("statement.timestampMillis")));
            assertEquals("haca-itest", st.networkId());
            assertEquals("c0ffee", st.nonce());
            Verdict v = scheme("tee.simulated.v1").verify(p, st, new VerificationContext(Instant.now()));
            assertTrue(v.valid(), v.toString());

            String url = endpoint(runtime.getServiceReference()) + "api/v1/proofs/verify";
            String body = "{\"scheme\":\"tee.simulated.v1\",\"proof\":\"" + Base64.getEncoder().encodeToString(p.payload())
                    + "\",\"statement\":{\"networkId\":\"" + st.networkId() + "\",\"modelHash\":\"" + st.modelHash()
                    + "\",\"inputHash\":\"" + st.inputHash() + "\",\"outputHash\":\"" + st.outputHash()
                    + "\",\"nonce\":\"" + st.nonce() + "\",\"timestampMillis\":" + st.timestampMillis() + "}}";
            assertTrue(post(url, body, 200).get("valid").getAsBoolean());
            JsonObject tampered = post(url, body.replace(st.outputHash(), "00".repeat(32)), 200);
            assertFalse(tampered.get("valid").getAsBoolean(), "another output does not verify");
        } finally {
            registry.delete(d.id());
        }
    }

    private static boolean passed(JsonObject verdict, String name) {
        for (JsonElement e : verdict.getAsJsonArray("checks")) {
            JsonObject c = e.getAsJsonObject();
            if (name.equals(c.get("name").getAsString())) {
                return c.get("passed").getAsBoolean();
            }
        }
        return false;
    }

    private static String endpoint(ServiceReference<HttpServiceRuntime> runtime) {
        Object ep = runtime.getProperty("osgi.http.endpoint");
        String first = ep instanceof String[] a ? a[0] : ep instanceof List<?> l ? (String) l.get(0) : (String) ep;
        String url = first.replace("0.0.0.0", "localhost");
        return url.endsWith("/") ? url : url + "/";
    }

    private static HttpResponse<String> send(String url, String body) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject post(String url, String body, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = send(url, body);
        assertEquals(status, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }
}
