package org.haca.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Starts Felix for one node: framework properties from the options, the feature's bundles installed from the node
 * jar, its configurations applied before the bundles that use them start, and a clean stop on SIGTERM / Ctrl-C.
 */
final class NodeLauncher {
    static final long STOP_TIMEOUT_MS = 30_000;

    private final LauncherOptions options;
    private final AdminCredentials credentials;
    private final String version;
    private Framework framework;
    private PluginGate gate;

    NodeLauncher(LauncherOptions options, AdminCredentials credentials, String version) {
        this.options = options;
        this.credentials = credentials;
        this.version = version;
    }

    /** Loads the feature: an explicit file, or the role's feature embedded in the node jar. */
    Feature loadFeature() throws IOException {
        Path file = options.featureFile();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return FeatureReader.read(r, file.toString());
            }
        }
        String resource = "features/" + options.role() + ".json";
        InputStream in = NodeLauncher.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("unknown role '" + options.role() + "': no feature " + resource
                    + " in the node jar (roles: dev-node, inference-node, full-node)");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return FeatureReader.read(r, resource);
        }
    }

    Map<String, String> frameworkProperties() {
        Map<String, String> p = new HashMap<>();
        Path data = options.dataDir();
        p.put(Constants.FRAMEWORK_STORAGE, data.resolve("felix-cache").toString());
        // bundles come from the node jar on every start: no stale revisions from an older jar
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put("felix.log.level", "1");
        p.put("org.osgi.service.http.port", Integer.toString(options.httpPort()));
        p.put("org.apache.felix.http.name", "haca");
        // hot deploy: FileInstall watches only the staging directory that the PluginGate fills with verified jars
        p.put("felix.fileinstall.dir", acceptedPluginsDir().toString());
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.tmpdir", data.resolve("fileinstall-tmp").toString());
        p.put("felix.fileinstall.log.level", "3");
        // web console: credentials set before it starts, so it never serves with a default password
        p.put("felix.webconsole.username", credentials.user());
        p.put("felix.webconsole.password", credentials.password());
        p.put("felix.webconsole.realm", "haca-node");
        p.put("felix.webconsole.manager.root", "/system/console");
        // gogo: interactive only on a terminal; never stop the node when the shell ends
        p.put("gosh.args", System.console() == null ? "--nointeractive --noshutdown" : "--noshutdown");
        // the integer backend's Vector API kernel (same bytes, ~3x faster) needs the incubator module exported by the
        // system bundle; it is only there when the JVM runs with --add-modules jdk.incubator.vector
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "jdk.incubator.vector");
        }
        p.put("haca.version", version);
        p.put("haca.role", options.role());
        p.put("haca.dev", Boolean.toString(options.devMode()));
        p.put("haca.network.id", options.networkId());
        p.put("haca.data.dir", data.toString());
        p.put("haca.plugins.dir", options.pluginsDir().toString());
        p.put("haca.http.port", Integer.toString(options.httpPort()));
        p.put("haca.rpc.port", Integer.toString(options.rpcPort()));
        return p;
    }

    /** Where accepted plugin jars are staged for FileInstall; emptied at every start. */
    Path acceptedPluginsDir() {
        return options.dataDir().resolve("plugins-accepted");
    }

    /**
     * The plugin gate: reads the trust store (a configured but unreadable one fails start-up rather than silently
     * refusing or, worse, accepting everything) and judges the jars already in the plugins directory.
     */
    PluginGate createGate() throws IOException {
        List<java.security.cert.X509Certificate> trusted = List.of();
        Path store = options.pluginTrustStore();
        if (store != null) {
            try {
                trusted = PluginVerifier.loadTrustStore(store, options.pluginTrustStorePassword());
            } catch (java.security.GeneralSecurityException | IOException e) {
                throw new IOException("cannot read plugin trust store " + store + ": " + e.getMessage(), e);
            }
        } else if (!options.devMode()) {
            System.out.println("[haca] no plugin trust store configured (--plugin-truststore): every plugin jar"
                    + " will be refused");
        }
        PluginGate g = new PluginGate(options.pluginsDir(), acceptedPluginsDir(),
                options.dataDir().resolve("plugins-gate-tmp"), new PluginVerifier(trusted, options.devMode()),
                System.out);
        g.init();
        return g;
    }

    /** Starts the node and returns when every bundle of the feature is started. */
    void start(Feature feature) throws Exception {
        Files.createDirectories(options.dataDir());
        Files.createDirectories(options.pluginsDir());
        gate = createGate();
        gate.start(500);
        requireEmbedded(feature);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, NodeLauncher.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        framework = factory.newFramework(frameworkProperties());
        framework.init();
        BundleContext context = framework.getBundleContext();
        if (!options.devMode()) {
            context.registerService(org.osgi.framework.hooks.resolver.ResolverHookFactory.class,
                    new InstallGuard(acceptedPluginsDir(), System.out), null);
        }
        Map<Feature.BundleRef, Bundle> installed = new LinkedHashMap<>();
        for (Feature.BundleRef ref : feature.bundles()) {
            try (InputStream in = NodeLauncher.class.getClassLoader().getResourceAsStream(ref.embeddedPath())) {
                installed.put(ref, context.installBundle(InstallGuard.FEATURE_LOCATION + ref.coordinates(), in));
            }
        }
        framework.start();
        TreeMap<Integer, List<Feature.BundleRef>> byOrder = new TreeMap<>();
        for (Feature.BundleRef ref : feature.bundles()) {
            byOrder.computeIfAbsent(ref.startOrder(), k -> new ArrayList<>()).add(ref);
        }
        boolean configured = feature.configurations().isEmpty();
        for (List<Feature.BundleRef> group : byOrder.values()) {
            if (!configured) {
                configured = ConfigurationInstaller.apply(context, feature.configurations());
            }
            for (Feature.BundleRef ref : group) {
                Bundle b = installed.get(ref);
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                    continue;
                }
                try {
                    b.start();
                } catch (BundleException e) {
                    throw new BundleException("bundle " + ref.coordinates() + " (" + b.getSymbolicName()
                            + ") failed to start: " + e.getMessage(), e);
                }
            }
        }
        if (!configured && !ConfigurationInstaller.apply(context, feature.configurations())) {
            throw new IllegalStateException("feature " + feature.id() + " has configurations but no ConfigurationAdmin");
        }
    }

    /** Fails with one message naming every bundle of the feature that the node jar does not contain. */
    static void requireEmbedded(Feature feature) {
        List<String> missing = feature.bundles().stream()
                .filter(ref -> NodeLauncher.class.getClassLoader().getResource(ref.embeddedPath()) == null)
                .map(Feature.BundleRef::coordinates).sorted(Comparator.naturalOrder()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("feature " + feature.id() + " names bundles that this node jar does not contain: "
                    + String.join(", ", missing));
        }
    }

    /** Blocks until the framework has stopped (by {@link #stop} or from inside, e.g. the console). */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops all bundles in reverse start order, giving each a chance to drain; bounded by {@link #STOP_TIMEOUT_MS}. */
    void stop() {
        PluginGate g = gate;
        if (g != null) {
            g.stop();
        }
        Framework f = framework;
        if (f == null) {
            return;
        }
        try {
            f.stop();
            FrameworkEvent e = f.waitForStop(STOP_TIMEOUT_MS);
            if (e.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                System.err.println("[haca] framework did not stop within " + STOP_TIMEOUT_MS + " ms");
            } else {
                System.out.println("[haca] node stopped");
            }
        } catch (BundleException | InterruptedException e) {
            System.err.println("[haca] error while stopping: " + e);
        }
    }

    List<Bundle> bundles() {
        return List.of(framework.getBundleContext().getBundles());
    }
}
