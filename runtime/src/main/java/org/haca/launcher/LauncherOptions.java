package org.haca.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the node. Each option {@code --foo-bar} can also be given as the environment variable
 * {@code HACA_FOO_BAR}; the command line wins over the environment, which wins over the default.
 */
public final class LauncherOptions {

    /** One option: its name without dashes, default value and description for {@code --help}. */
    record Option(String name, String defaultValue, String description) {
        String env() {
            return "HACA_" + name.toUpperCase().replace('-', '_');
        }
    }

    static final List<Option> OPTIONS = List.of(
            new Option("role", "dev-node", "node role = feature to start: dev-node, inference-node, full-node"),
            new Option("http-port", "8080", "port of the REST API and the web console"),
            new Option("rpc-port", "26657", "port of the CometBFT-compatible JSON-RPC"),
            new Option("data-dir", "./data", "directory for the node's state (chain, models, framework cache)"),
            new Option("plugins-dir", "./plugins", "directory watched for plugin bundles (hot deploy)"),
            new Option("plugin-truststore", "", "trusted plugin signers: PEM certificates or a PKCS12/JKS key store;"
                    + " outside dev mode only plugin jars signed by them are deployed"),
            new Option("plugin-truststore-password", "", "password of a PKCS12/JKS plugin trust store (prefer the env)"),
            new Option("network-id", "haca-dev", "network identifier bound into every proof"),
            new Option("feature", "", "path of a feature JSON file to start instead of the embedded role feature"),
            new Option("dev", "", "true/false: dev mode (generated credentials, simulated parts allowed); default: true"
                    + " only for role dev-node"));

    private static final Set<String> FLAGS = Set.of("help");

    private final Map<String, String> values;
    private final boolean help;

    private LauncherOptions(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    /**
     * Parses {@code --name value} and {@code --name=value}.
     *
     * @throws IllegalArgumentException for an unknown option or a missing value; the message is for the user
     */
    public static LauncherOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Option o : OPTIONS) {
            values.put(o.name(), env.getOrDefault(o.env(), o.defaultValue()));
        }
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (see --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!values.containsKey(name) || FLAGS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        LauncherOptions options = new LauncherOptions(values, help);
        options.validate();
        return options;
    }

    private void validate() {
        port("http-port");
        port("rpc-port");
        String dev = values.get("dev");
        if (!dev.isEmpty() && !dev.equals("true") && !dev.equals("false")) {
            throw new IllegalArgumentException("--dev must be true or false, not '" + dev + "'");
        }
    }

    private int port(String name) {
        String v = values.get(name);
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number 0-65535, not '" + v + "'");
        }
    }

    public static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar haca-node.jar [options]\n\n");
        sb.append("Starts a haca node: Apache Felix with the bundles of one role feature.\n\nOptions:\n");
        for (Option o : OPTIONS) {
            sb.append(String.format("  --%-14s %s%n  %-16s env %s, default '%s'%n", o.name() + " <v>", o.description(),
                    "", o.env(), o.defaultValue()));
        }
        sb.append(String.format("  --%-14s %s%n", "help", "print this help"));
        sb.append("\nAdmin credentials (web console, admin REST): HACA_ADMIN_USER (default admin) and HACA_ADMIN_PASSWORD.\n");
        sb.append("In dev mode a random password is generated and printed when none is set; otherwise it is required.\n");
        return sb.toString();
    }

    public boolean help() {
        return help;
    }

    public String role() {
        return values.get("role");
    }

    public int httpPort() {
        return port("http-port");
    }

    public int rpcPort() {
        return port("rpc-port");
    }

    public Path dataDir() {
        return Path.of(values.get("data-dir")).toAbsolutePath().normalize();
    }

    public Path pluginsDir() {
        return Path.of(values.get("plugins-dir")).toAbsolutePath().normalize();
    }

    public String networkId() {
        return values.get("network-id");
    }

    /** An explicit feature file, or null to use the role's embedded feature. */
    public Path featureFile() {
        String f = values.get("feature");
        return f.isEmpty() ? null : Path.of(f);
    }

    /** The plugin trust store file, or null when none is configured. */
    public Path pluginTrustStore() {
        String f = values.get("plugin-truststore");
        return f.isEmpty() ? null : Path.of(f).toAbsolutePath().normalize();
    }

    public String pluginTrustStorePassword() {
        return values.get("plugin-truststore-password");
    }

    public boolean devMode() {
        String dev = values.get("dev");
        return dev.isEmpty() ? role().equals("dev-node") : Boolean.parseBoolean(dev);
    }
}
