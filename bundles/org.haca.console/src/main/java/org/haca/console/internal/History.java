package org.haca.console.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.haca.api.chain.VerificationMonitor;
import org.haca.api.economics.Ledger;
import org.haca.api.economics.Supply;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Samples the verification pipeline and the token supply every few seconds (framework property
 * {@code haca.console.sampleSeconds}, default 5) into a bounded ring for the console's charts over time, and records
 * bundle events (installs, updates, starts, stops, uninstalls: the history of plugin swaps).
 */
@Component(service = History.class, immediate = true)
public final class History implements BundleListener {
    static final int MAX_SAMPLES = 360;
    static final int MAX_EVENTS = 200;

    /** One sample; -1 where the service was absent. */
    record Sample(long epochMillis, long queueDepth, long verified, long meanLatencyMicros, long circulating,
            long staked, long escrowed, long burned) {
    }

    /** One bundle event. */
    record Event(long epochMillis, String type, String bundle, String version, long bundleId) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile VerificationMonitor monitor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Deque<Event> events = new ArrayDeque<>();
    private BundleContext context;
    private ScheduledExecutorService timer;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
        long seconds = 5;
        String p = ctx.getProperty("haca.console.sampleSeconds");
        if (p != null && !p.isBlank()) {
            try {
                seconds = Math.max(1, Long.parseLong(p.trim()));
            } catch (NumberFormatException e) {
                // default
            }
        }
        ctx.addBundleListener(this);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "haca-console-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, seconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        timer.shutdownNow();
    }

    void sample() {
        try {
            VerificationMonitor m = monitor;
            Ledger l = ledger;
            VerificationMonitor.Stats s = m == null ? null : m.stats();
            Supply supply = l == null ? null : l.supply();
            add(new Sample(System.currentTimeMillis(), s == null ? -1 : s.queueDepth(), s == null ? -1 : s.verified(),
                    s == null ? -1 : s.meanLatencyMicros(), supply == null ? -1 : supply.circulating(),
                    supply == null ? -1 : supply.staked(), supply == null ? -1 : supply.escrowed(),
                    supply == null ? -1 : supply.burned()));
        } catch (RuntimeException e) {
            // a service going away mid-sample: skip this one
        }
    }

    synchronized void add(Sample s) {
        samples.addLast(s);
        while (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
    }

    synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    synchronized List<Event> events() {
        List<Event> out = new ArrayList<>(events);
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String type = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPED -> "STOPPED";
            default -> null;
        };
        if (type == null) {
            return;
        }
        synchronized (this) {
            events.addLast(new Event(System.currentTimeMillis(), type, event.getBundle().getSymbolicName(),
                    event.getBundle().getVersion().toString(), event.getBundle().getBundleId()));
            while (events.size() > MAX_EVENTS) {
                events.removeFirst();
            }
        }
    }
}
