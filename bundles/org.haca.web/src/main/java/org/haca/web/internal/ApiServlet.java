package org.haca.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The single servlet behind {@code /api/v1/*} and the JSON 404 for every other unknown path. It parses the request,
 * routes it to the {@link ApiResource} whose root matches the first path segment and renders the result or the error
 * as JSON. Resources come and go as dynamic references, so the REST surface follows the bundles installed.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/*",
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=haca-api" })
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final String PREFIX = "/api/v1/";

    private final Map<String, ApiResource> resources = new ConcurrentHashMap<>();
    /** Injected by DS (one instance per bundle, shared with {@link MetricsServlet}); tests use their own. */
    @Reference
    ApiMetrics metrics = new ApiMetrics();
    private volatile AdminAuth adminAuth = new AdminAuth(null, null);

    @Activate
    void activate(BundleContext context) {
        adminAuth = new AdminAuth(context.getProperty("felix.webconsole.username"),
                context.getProperty("felix.webconsole.password"));
    }

    /** For tests: the credentials admin calls must carry. */
    void setAdminCredentials(String user, String password) {
        adminAuth = new AdminAuth(user, password);
    }

    ApiMetrics metrics() {
        return metrics;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addResource(ApiResource resource) {
        ApiResource previous = resources.putIfAbsent(resource.root(), resource);
        if (previous != null && previous != resource) {
            LOG.warn("two REST resources claim /api/v1/{}; keeping {}", resource.root(), previous.getClass().getName());
        }
    }

    void removeResource(ApiResource resource) {
        resources.remove(resource.root(), resource);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        long t0 = System.nanoTime();
        String root = "-";
        int status;
        try {
            ApiRequest request = parse(req, path);
            root = request.root();
            ApiResponse response = dispatch(request, req.getHeader("Authorization"));
            write(resp, response);
            status = response.status();
        } catch (ApiException e) {
            if (e.status() == 401) {
                resp.setHeader("WWW-Authenticate", "Basic realm=\"haca-node\"");
            }
            writeError(resp, e.status(), e.error(), e.getMessage());
            status = e.status();
        } catch (RuntimeException e) {
            LOG.error("unhandled error on {} {}", req.getMethod(), path, e);
            writeError(resp, 500, "internal_error", "the node failed to handle this request; see the node log");
            status = 500;
        }
        metrics.record(root, req.getMethod(), status, System.nanoTime() - t0);
    }

    private ApiResponse dispatch(ApiRequest request, String authorization) throws ApiException {
        ApiResource resource = resources.get(request.root());
        if (resource == null) {
            throw ApiException.notFound("no resource at " + request.path());
        }
        if (resource.requiresAdmin(request) && !adminAuth.permits(authorization)) {
            throw new ApiException(401, "unauthorized", "this call needs the node's admin credentials");
        }
        return resource.handle(request);
    }

    private ApiRequest parse(HttpServletRequest req, String path) throws ApiException {
        if (!path.startsWith(PREFIX)) {
            throw ApiException.notFound("no resource at " + path);
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(PREFIX.length()).split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        if (segments.isEmpty()) {
            throw ApiException.notFound("no resource at " + path + "; try /api/v1/node");
        }
        return new ApiRequest(req.getMethod(), segments.get(0), List.copyOf(segments.subList(1,
                segments.size())), query(req), new ApiRequest.BodySource() {
                    @Override
                    public InputStream open() throws IOException {
                        return req.getInputStream();
                    }

                    @Override
                    public long declaredLength() {
                        return req.getContentLengthLong();
                    }
                });
    }

    private static Map<String, List<String>> query(HttpServletRequest req) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String qs = req.getQueryString();
        if (qs == null) {
            return query;
        }
        for (String pair : qs.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static void write(HttpServletResponse resp, ApiResponse response) throws IOException {
        resp.setStatus(response.status());
        if (response.raw() != null) {
            resp.setContentType(response.contentType());
            resp.setContentLength(response.raw().length);
            resp.getOutputStream().write(response.raw());
        } else if (response.json() != null) {
            writeJson(resp, Json.GSON.toJson(response.json()));
        }
    }

    static void writeError(HttpServletResponse resp, int status, String error, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        body.addProperty("message", message);
        resp.setStatus(status);
        writeJson(resp, Json.GSON.toJson(body));
    }

    private static void writeJson(HttpServletResponse resp, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        resp.setContentType("application/json;charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** For tests and diagnostics: the roots currently served. */
    List<String> roots() {
        List<String> roots = new ArrayList<>(resources.keySet());
        roots.sort(null);
        return roots;
    }
}
