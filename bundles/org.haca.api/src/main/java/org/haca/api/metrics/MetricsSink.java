package org.haca.api.metrics;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link MetricsSource} writes its samples. Labels are written in the map's iteration order; pass an ordered
 * map (or {@code Map.of()} for none). Several samples of one metric name may be written, one per label set; the
 * help text of the first wins.
 */
@ProviderType
public interface MetricsSink {

    /** A monotonically increasing value since the process started. */
    void counter(String name, String help, Map<String, String> labels, double value);

    /** A value that goes up and down. */
    void gauge(String name, String help, Map<String, String> labels, double value);

    /** A histogram snapshot (seconds), written as {@code _bucket}, {@code _sum} and {@code _count}. */
    void histogram(String name, String help, Map<String, String> labels, LatencyHistogram.Snapshot snapshot);
}
