package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ApiServletTest {
    private final ApiServlet servlet = new ApiServlet();

    /** Echoes what routing handed over, or fails the way a resource would. */
    private static final class EchoResource implements ApiResource {
        @Override
        public String root() {
            return "echo";
        }

        @Override
        public ApiResponse handle(ApiRequest request) throws ApiException {
            if (request.segments().equals(List.of("boom"))) {
                throw new IllegalStateException("secret internal detail");
            }
            if ("POST".equals(request.method())) {
                return ApiResponse.created(request.jsonBody(64));
            }
            JsonObject o = new JsonObject();
            o.addProperty("segments", String.join(",", request.segments()));
            o.addProperty("name", request.queryParam("name").orElse(null));
            return ApiResponse.ok(o);
        }
    }

    private FakeHttp call(String method, String uri, String query, String body) throws Exception {
        FakeHttp http = new FakeHttp();
        servlet.service(FakeHttp.request(method, uri, query, body.getBytes(StandardCharsets.UTF_8)), http.response());
        return http;
    }

    private static JsonObject json(FakeHttp http) {
        return JsonParser.parseString(http.bodyText()).getAsJsonObject();
    }

    @Test
    void routesBySegmentAndDecodesQuery() throws Exception {
        servlet.addResource(new EchoResource());
        FakeHttp http = call("GET", "/api/v1/echo/a/b%20c", "name=m%201&x", "");
        assertEquals(200, http.status);
        assertEquals("application/json;charset=utf-8", http.contentType);
        assertEquals("a,b c", json(http).get("segments").getAsString());
        assertEquals("m 1", json(http).get("name").getAsString());
    }

    @Test
    void unknownPathsAreJson404() throws Exception {
        for (String uri : List.of("/api/v1/nope", "/api/v1/", "/whatever")) {
            FakeHttp http = call("GET", uri, null, "");
            assertEquals(404, http.status, uri);
            assertEquals("not_found", json(http).get("error").getAsString());
        }
    }

    @Test
    void resourceRemovedStopsBeingServed() throws Exception {
        EchoResource echo = new EchoResource();
        servlet.addResource(echo);
        assertEquals(List.of("echo"), servlet.roots());
        servlet.removeResource(echo);
        assertEquals(404, call("GET", "/api/v1/echo", null, "").status);
    }

    @Test
    void malformedAndOversizedBodiesAreClientErrors() throws Exception {
        servlet.addResource(new EchoResource());
        FakeHttp malformed = call("POST", "/api/v1/echo", null, "{\"a\":");
        assertEquals(400, malformed.status);
        assertTrue(json(malformed).get("message").getAsString().startsWith("malformed JSON"));
        FakeHttp big = call("POST", "/api/v1/echo", null, "{\"a\":\"" + "x".repeat(100) + "\"}");
        assertEquals(413, big.status);
        FakeHttp ok = call("POST", "/api/v1/echo", null, "{\"a\":1}");
        assertEquals(201, ok.status);
    }

    @Test
    void adminCallsNeedTheNodeCredentialsAndChangeNothingWithout() throws Exception {
        int[] deletions = {0};
        servlet.addResource(new ApiResource() {
            @Override
            public String root() {
                return "things";
            }

            @Override
            public boolean requiresAdmin(ApiRequest request) {
                return !"GET".equals(request.method());
            }

            @Override
            public ApiResponse handle(ApiRequest request) {
                if ("DELETE".equals(request.method())) {
                    deletions[0]++;
                    return ApiResponse.noContent();
                }
                return ApiResponse.ok(new JsonObject());
            }
        });
        servlet.setAdminCredentials("ops", "right-password");
        assertEquals(200, call("GET", "/api/v1/things", null, "").status, "reads stay open");
        FakeHttp denied = call("DELETE", "/api/v1/things/x", null, "");
        assertEquals(401, denied.status);
        assertEquals("unauthorized", json(denied).get("error").getAsString());
        assertEquals(0, deletions[0], "a refused call changes nothing");

        FakeHttp http = new FakeHttp();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("ops:right-password".getBytes(
                StandardCharsets.UTF_8));
        servlet.service(FakeHttp.request("DELETE", "/api/v1/things/x", null, new byte[0], auth), http.response());
        assertEquals(204, http.status);
        assertEquals(1, deletions[0]);
    }

    @Test
    void internalErrorsHideDetails() throws Exception {
        servlet.addResource(new EchoResource());
        FakeHttp http = call("GET", "/api/v1/echo/boom", null, "");
        assertEquals(500, http.status);
        assertFalse(http.bodyText().contains("secret"), http.bodyText());
        assertFalse(http.bodyText().contains("Exception"), http.bodyText());
    }
}
