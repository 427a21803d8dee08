package org.haca.launcher;

import java.io.IOException;
import java.util.Map;

/**
 * {@code java -jar haca-node.jar [options]}: parses options, resolves admin credentials, starts the node feature and
 * waits. Exit codes: 0 clean stop, 1 start failure, 2 usage or configuration error.
 */
public final class Main {
    /** Held strongly: java.util.logging forgets levels of loggers nobody references. */
    private static java.util.logging.Logger quietJul;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        LauncherOptions options;
        AdminCredentials credentials;
        NodeLauncher launcher;
        Feature feature;
        String version = Main.class.getPackage().getImplementationVersion();
        try {
            options = LauncherOptions.parse(args, env);
            if (options.help()) {
                System.out.print(LauncherOptions.usage());
                return 0;
            }
            credentials = AdminCredentials.from(env, options.devMode());
            launcher = new NodeLauncher(options, credentials, version == null ? "dev" : version);
            feature = launcher.loadFeature();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("haca-node: " + e.getMessage());
            return 2;
        }
        configureLogging();
        long t0 = System.nanoTime();
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "haca-shutdown"));
            launcher.start(feature);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[haca] node %s started: role=%s dev=%s bundles=%d in %d ms%n", version, options.role(),
                    options.devMode(), feature.bundles().size(), ms);
            System.out.printf("[haca] REST  http://localhost:%d/api/v1/node%n", options.httpPort());
            System.out.printf("[haca] console http://localhost:%d/system/console (user %s)%n", options.httpPort(),
                    credentials.user());
            if (credentials.generated()) {
                System.out.printf("[haca] DEV MODE: generated admin password (shown once): %s%n", credentials.password());
            }
            System.out.printf("[haca] plugins dir %s (drop bundle jars here)%n", options.pluginsDir());
            launcher.awaitStop();
            return 0;
        } catch (Exception e) {
            System.err.println("haca-node: start failed: " + e.getMessage());
            launcher.stop();
            return 1;
        }
    }

    /** slf4j-simple reads system properties: concise lines, Jetty only when it has something to say. */
    private static void configureLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        // Web Console 5.0 warns about its own javax plugins at every start; nothing an operator can act on
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.felix.webconsole", "error");
        setIfAbsent("java.util.logging.SimpleFormatter.format", "%1$tH:%1$tM:%1$tS.%1$tL [%4$s] %3$s - %5$s%6$s%n");
        // SPI Fly logs every provider it registers through java.util.logging
        quietJul = java.util.logging.Logger.getLogger("org.apache.aries.spifly");
        quietJul.setLevel(java.util.logging.Level.WARNING);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
