package org.haca.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a bundle that has figures for {@code /metrics} registers one. The metrics endpoint calls
 * {@link #collect} on every scrape, from the HTTP thread: read counters, do not compute or block. A source that
 * throws is skipped for that scrape.
 */
@ConsumerType
public interface MetricsSource {

    void collect(MetricsSink sink);
}
