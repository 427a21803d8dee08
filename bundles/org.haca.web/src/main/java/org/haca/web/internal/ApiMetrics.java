package org.haca.web.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

/**
 * Counts REST calls by resource root, method and status, with their total time; {@link MetricsServlet} renders them.
 * One instance per bundle (a bundle-private DS service shared by the servlets). Lock-free on the request path.
 */
@Component(service = ApiMetrics.class)
public final class ApiMetrics {

    record Key(String resource, String method, int status) {
    }

    private static final class Series {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    void record(String resource, String method, int status, long nanos) {
        Series s = series.computeIfAbsent(new Key(resource, method, status), k -> new Series());
        s.count.increment();
        s.nanos.add(nanos);
    }

    void writeTo(PrometheusWriter out) {
        Map<Key, Series> sorted = new TreeMap<>((a, b) -> (a.resource + a.method + a.status)
                .compareTo(b.resource + b.method + b.status));
        sorted.putAll(series);
        out.header("haca_http_requests_total", "counter", "REST requests by resource, method and status.");
        sorted.forEach((k, s) -> out.sample("haca_http_requests_total", labels(k), s.count.sum()));
        out.header("haca_http_request_seconds_total", "counter", "Time spent serving REST requests.");
        sorted.forEach((k, s) -> out.sample("haca_http_request_seconds_total", labels(k), s.nanos.sum() / 1e9));
    }

    private static String[] labels(Key k) {
        return new String[] {"resource", k.resource, "method", k.method, "status", Integer.toString(k.status)};
    }
}
