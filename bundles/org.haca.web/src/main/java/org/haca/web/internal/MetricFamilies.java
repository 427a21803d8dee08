package org.haca.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.haca.api.metrics.LatencyHistogram;
import org.haca.api.metrics.MetricsSink;

/**
 * Collects samples from {@link org.haca.api.metrics.MetricsSource}s and groups them by metric name, because the
 * exposition format wants one HELP/TYPE header and all samples of a family together, while sources may write in any
 * order. A sample whose name or type conflicts with its family is dropped rather than corrupting the scrape.
 */
final class MetricFamilies implements MetricsSink {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private record Sample(String suffix, String[] labels, double value) {
    }

    private static final class Family {
        final String type;
        final String help;
        final List<Sample> samples = new ArrayList<>();

        Family(String type, String help) {
            this.type = type;
            this.help = help;
        }
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    @Override
    public void counter(String name, String help, Map<String, String> labels, double value) {
        add(name, "counter", help, "", labels(labels), value);
    }

    @Override
    public void gauge(String name, String help, Map<String, String> labels, double value) {
        add(name, "gauge", help, "", labels(labels), value);
    }

    @Override
    public void histogram(String name, String help, Map<String, String> labels, LatencyHistogram.Snapshot snapshot) {
        String[] base = labels(labels);
        long[] cumulative = snapshot.cumulative();
        for (int i = 0; i < cumulative.length; i++) {
            String le = i < LatencyHistogram.BOUNDS.length ? Double.toString(LatencyHistogram.BOUNDS[i]) : "+Inf";
            String[] withLe = java.util.Arrays.copyOf(base, base.length + 2);
            withLe[base.length] = "le";
            withLe[base.length + 1] = le;
            add(name, "histogram", help, "_bucket", withLe, cumulative[i]);
        }
        add(name, "histogram", help, "_sum", base, snapshot.sumSeconds());
        add(name, "histogram", help, "_count", base, snapshot.count());
    }

    private void add(String name, String type, String help, String suffix, String[] labels, double value) {
        if (name == null || !NAME.matcher(name).matches()) {
            return;
        }
        Family f = families.computeIfAbsent(name, n -> new Family(type, help == null ? name : help));
        if (f.type.equals(type)) {
            f.samples.add(new Sample(suffix, labels, value));
        }
    }

    private static String[] labels(Map<String, String> labels) {
        if (labels == null) {
            return new String[0];
        }
        List<String> flat = new ArrayList<>();
        labels.forEach((k, v) -> {
            if (k != null && NAME.matcher(k).matches() && !k.contains(":")) {
                flat.add(k);
                flat.add(v == null ? "" : v);
            }
        });
        return flat.toArray(new String[0]);
    }

    void writeTo(PrometheusWriter out) {
        families.forEach((name, f) -> {
            out.header(name, f.type, f.help);
            for (Sample s : f.samples) {
                out.sample(name + s.suffix, s.labels, s.value);
            }
        });
    }
}
