/**
 * Operational metrics: bundles contribute their own figures to {@code /metrics} by registering a
 * {@link org.haca.api.metrics.MetricsSource} (whiteboard); {@link org.haca.api.metrics.LatencyHistogram} is a
 * ready-made, lock-free latency histogram for them. Names follow Prometheus conventions ({@code haca_…_total} for
 * counters, base units such as seconds and tokens).
 */
@Export
@Version("0.1.0")
package org.haca.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
