package org.haca.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.VerificationContext;
import org.haca.api.proof.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import jakarta.servlet.Servlet;

/** The dev-node bundle set inside a real Felix: every bundle active, API exported, REST served, hot-swap visible. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class DevNodeFrameworkTest {

    @InjectBundleContext
    BundleContext context;

    @Test
    void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state=" + b.getState());
            }
        }
        assertTrue(notActive.isEmpty(), "not active: " + notActive);
        assertTrue(context.getBundles().length > 30, "the dev-node platform has 30+ bundles");
    }

    @Test
    void apiBundleIsTheOnlyHacaExporter() {
        Set<String> apiPackages = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn == null || !bsn.startsWith("org.haca.")) {
                continue;
            }
            BundleWiring wiring = b.adapt(BundleWiring.class);
            for (BundleCapability c : wiring.getCapabilities("osgi.wiring.package")) {
                String pkg = (String) c.getAttributes().get("osgi.wiring.package");
                assertEquals("org.haca.api", bsn, bsn + " exports " + pkg + "; only org.haca.api may export");
                apiPackages.add(pkg + ";" + c.getAttributes().get("version"));
            }
        }
        assertEquals(new TreeSet<>(List.of("org.haca.api.chain;0.2.0", "org.haca.api.economics;0.2.0",
                "org.haca.api.inference;0.1.0", "org.haca.api.metrics;0.1.0", "org.haca.api.model;0.1.0",
                "org.haca.api.proof;0.3.0")), apiPackages);
    }

    @Test
    void restServletIsRegistered(@InjectService(filter = "(osgi.http.whiteboard.servlet.name=haca-api)") Servlet api) {
        assertNotNull(api);
    }

    @Test
    void nodeEndpointFollowsProofSystemsAsTheyComeAndGo(
            @InjectService ServiceAware<HttpServiceRuntime> runtime) throws Exception {
        String base = endpoint(runtime.getServiceReference());
        JsonObject before = get(base + "api/v1/node");
        assertEquals("dev-node", before.get("role").getAsString());
        assertEquals("haca-itest", before.get("networkId").getAsString());
        assertFalse(schemes(before).contains("itest.echo.v1"));

        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 10);
        ServiceRegistration<ProofSystem> reg = context.registerService(ProofSystem.class, new EchoProofSystem(), props);
        try {
            assertTrue(schemes(get(base + "api/v1/node")).contains("itest.echo.v1"), "registered proof system listed");
        } finally {
            reg.unregister();
        }
        assertFalse(schemes(get(base + "api/v1/node")).contains("itest.echo.v1"), "unregistered proof system gone");
    }

    @Test
    void unknownPathsAreJson404(@InjectService ServiceAware<HttpServiceRuntime> runtime) throws Exception {
        HttpResponse<String> r = send(endpoint(runtime.getServiceReference()) + "api/v1/nothing-here");
        assertEquals(404, r.statusCode());
        assertEquals("not_found", JsonParser.parseString(r.body()).getAsJsonObject().get("error").getAsString());
    }

    private static String endpoint(ServiceReference<HttpServiceRuntime> runtime) {
        Object ep = runtime.getProperty("osgi.http.endpoint");
        String first = ep instanceof String[] a ? a[0] : ep instanceof List<?> l ? (String) l.get(0) : (String) ep;
        String url = first.replace("0.0.0.0", "localhost");
        return url.endsWith("/") ? url : url + "/";
    }

    private static Set<String> schemes(JsonObject node) {
        Set<String> out = new TreeSet<>();
        for (JsonElement e : node.getAsJsonArray("proofSystems")) {
            out.add(e.getAsJsonObject().get("scheme").getAsString());
        }
        return out;
    }

    private static HttpResponse<String> send(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = send(url);
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** A throwaway proof system registered by the test itself. */
    static final class EchoProofSystem implements ProofSystem {
        @Override
        public String schemeId() {
            return "itest.echo.v1";
        }

        @Override
        public boolean canProve() {
            return false;
        }

        @Override
        public Proof prove(ProofRequest request) {
            throw new UnsupportedOperationException("verifier only");
        }

        @Override
        public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
            return Verdict.invalid("echo never accepts", List.of(new Verdict.Check("echo", false, "test")));
        }
    }

}
