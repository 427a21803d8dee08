package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ProofsResourceTest {
    private final ApiServlet servlet = new ApiServlet();
    private final ProofsResource resource = new ProofsResource();
    private final List<String> calls = new ArrayList<>();

    /** Records what it was given; valid iff the payload is "good". */
    private class FakeSystem implements ProofSystem {
        final String scheme;
        final String name;

        FakeSystem(String scheme, String name) {
            this.scheme = scheme;
            this.name = name;
        }

        @Override
        public String schemeId() {
            return scheme;
        }

        @Override
        public boolean canProve() {
            return false;
        }

        @Override
        public Proof prove(ProofRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
            calls.add(name + "|" + new String(proof.payload(), StandardCharsets.UTF_8) + "|" + statement.networkId()
                    + "|" + statement.timestampMillis() + "|" + context.at().toEpochMilli());
            boolean ok = "good".equals(new String(proof.payload(), StandardCharsets.UTF_8));
            List<Verdict.Check> checks = List.of(new Verdict.Check("signature", ok, ok ? "verifies" : "does not verify"));
            return ok ? Verdict.valid(checks) : Verdict.invalid("signature: does not verify", checks);
        }
    }

    private static Map.Entry<Map<String, Object>, ProofSystem> entry(ProofSystem s, int ranking, long id) {
        return Map.entry(Map.of(Constants.SERVICE_RANKING, ranking, Constants.SERVICE_ID, id), s);
    }

    @BeforeEach
    void setUp() {
        resource.proofSystems = List.of(entry(new FakeSystem("tee.nitro.v1", "low"), 0, 5),
                entry(new FakeSystem("tee.nitro.v1", "high"), 10, 9), entry(new FakeSystem("zk.x", "zk"), 0, 3));
        servlet.addResource(resource);
    }

    private FakeHttp post(String body) throws Exception {
        FakeHttp http = new FakeHttp();
        servlet.service(FakeHttp.request("POST", "/api/v1/proofs/verify", null, body.getBytes(StandardCharsets.UTF_8)),
                http.response());
        return http;
    }

    private static String request(String scheme, String proofJson, String extra) {
        return "{\"scheme\":\"" + scheme + "\",\"proof\":" + proofJson + ",\"statement\":{\"networkId\":\"net\","
                + "\"modelHash\":\"aa\",\"inputHash\":\"bb\",\"outputHash\":\"cc\",\"nonce\":\"01\","
                + "\"timestampMillis\":1700000000000}" + extra + "}";
    }

    private static String b64(String s) {
        return "\"" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    @Test
    void verifiesWithTheHighestRankedProviderAtTheGivenTime() throws Exception {
        FakeHttp http = post(request("tee.nitro.v1", b64("good"), ",\"at\":1700000000123"));
        assertEquals(200, http.status);
        JsonObject o = JsonParser.parseString(http.bodyText()).getAsJsonObject();
        assertTrue(o.get("valid").getAsBoolean());
        assertEquals("all checks passed", o.get("reason").getAsString());
        JsonArray checks = o.getAsJsonArray("checks");
        assertEquals("signature", checks.get(0).getAsJsonObject().get("name").getAsString());
        assertTrue(checks.get(0).getAsJsonObject().get("passed").getAsBoolean());
        assertEquals("verifies", checks.get(0).getAsJsonObject().get("detail").getAsString());
        assertEquals(List.of("high|good|net|1700000000000|1700000000123"), calls);
    }

    @Test
    void invalidProofIs200WithValidFalse() throws Exception {
        FakeHttp http = post(request("tee.nitro.v1", b64("bad"), ""));
        assertEquals(200, http.status);
        JsonObject o = JsonParser.parseString(http.bodyText()).getAsJsonObject();
        assertFalse(o.get("valid").getAsBoolean());
        assertEquals("signature: does not verify", o.get("reason").getAsString());
        long at = Long.parseLong(calls.get(0).split("\\|")[4]);
        assertTrue(Math.abs(at - Instant.now().toEpochMilli()) < 60_000, "without at, verification is now");
    }

    @Test
    void jsonProofsArePassedAsTheirJsonText() throws Exception {
        post(request("zk.x", "{\"pi_a\":[1]}", ""));
        assertEquals("zk|{\"pi_a\":[1]}|net|1700000000000|", calls.get(0).substring(0, calls.get(0).lastIndexOf('|') + 1));
    }

    @Test
    void unknownSchemeIs404() throws Exception {
        FakeHttp http = post(request("tee.unknown.v1", b64("good"), ""));
        assertEquals(404, http.status);
        assertEquals("not_found", JsonParser.parseString(http.bodyText()).getAsJsonObject().get("error").getAsString());
        resource.proofSystems = null;
        assertEquals(404, post(request("tee.nitro.v1", b64("good"), "")).status);
    }

    @Test
    void malformedRequestsAre400() throws Exception {
        for (String body : List.of("[]", "{\"a\":", "{}", request("tee.nitro.v1", "\"%%%\"", ""),
                request("tee.nitro.v1", "12", ""), request("tee.nitro.v1", b64("good"), ",\"at\":\"x\""),
                request("tee.nitro.v1", b64("good"), ",\"at\":1.5"),
                "{\"scheme\":\"tee.nitro.v1\",\"proof\":\"Z29vZA==\",\"statement\":{\"networkId\":\"n\"}}",
                "{\"scheme\":1,\"proof\":\"Z29vZA==\"}")) {
            FakeHttp http = post(body);
            assertEquals(400, http.status, body + " -> " + http.bodyText());
            assertEquals("bad_request", JsonParser.parseString(http.bodyText()).getAsJsonObject().get("error")
                    .getAsString());
        }
        assertTrue(calls.isEmpty());
    }

    @Test
    void withoutAStatementTheProofIsCheckedUnbound() throws Exception {
        FakeHttp http = post("{\"scheme\":\"tee.nitro.v1\",\"proof\":{\"a\":1},\"at\":5}");
        assertEquals(200, http.status, http.bodyText());
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).endsWith("|{\"a\":1}||0|5"), calls.get(0));
    }

    @Test
    void onlyPostOnVerify() throws Exception {
        FakeHttp get = new FakeHttp();
        servlet.service(FakeHttp.request("GET", "/api/v1/proofs/verify", null, new byte[0]), get.response());
        assertEquals(405, get.status);
        FakeHttp other = new FakeHttp();
        servlet.service(FakeHttp.request("POST", "/api/v1/proofs/other", null, new byte[0]), other.response());
        assertEquals(404, other.status);
    }

    @Test
    void throwingProviderIsA500WithoutDetails() throws Exception {
        resource.proofSystems = List.of(entry(new FakeSystem("tee.nitro.v1", "x") {
            @Override
            public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
                throw new IllegalStateException("secret");
            }
        }, 0, 1));
        FakeHttp http = post(request("tee.nitro.v1", b64("good"), ""));
        assertEquals(500, http.status);
        assertFalse(http.bodyText().contains("secret"));
    }
}
