package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void defaultsMatchTheDocumentedContract() {
        LauncherOptions o = LauncherOptions.parse(new String[0], Map.of());
        assertEquals("dev-node", o.role());
        assertEquals(8080, o.httpPort());
        assertEquals(26657, o.rpcPort());
        assertEquals(Path.of("./data").toAbsolutePath().normalize(), o.dataDir());
        assertEquals(Path.of("./plugins").toAbsolutePath().normalize(), o.pluginsDir());
        assertTrue(o.devMode(), "dev-node is dev mode by default");
        assertNull(o.featureFile());
    }

    @Test
    void commandLineBeatsEnvironmentBeatsDefault() {
        Map<String, String> env = Map.of("HACA_HTTP_PORT", "9000", "HACA_ROLE", "full-node");
        LauncherOptions fromEnv = LauncherOptions.parse(new String[0], env);
        assertEquals(9000, fromEnv.httpPort());
        assertEquals("full-node", fromEnv.role());
        assertFalse(fromEnv.devMode(), "production roles are not dev mode");
        LauncherOptions cli = LauncherOptions.parse(new String[] {"--http-port", "9100", "--role=inference-node"}, env);
        assertEquals(9100, cli.httpPort());
        assertEquals("inference-node", cli.role());
    }

    @Test
    void pluginTrustStoreIsOptionalAndResolvedToAnAbsolutePath() {
        assertEquals(null, LauncherOptions.parse(new String[0], Map.of()).pluginTrustStore());
        LauncherOptions o = LauncherOptions.parse(new String[0], Map.of("HACA_PLUGIN_TRUSTSTORE", "trust.pem",
                "HACA_PLUGIN_TRUSTSTORE_PASSWORD", "pw"));
        assertTrue(o.pluginTrustStore().isAbsolute());
        assertTrue(o.pluginTrustStore().endsWith("trust.pem"));
        assertEquals("pw", o.pluginTrustStorePassword());
    }

    @Test
    void devModeCanBeForcedEitherWay() {
        assertTrue(LauncherOptions.parse(new String[] {"--role", "full-node", "--dev", "true"}, Map.of()).devMode());
        assertFalse(LauncherOptions.parse(new String[] {"--dev=false"}, Map.of()).devMode());
    }

    @Test
    void badInputIsAUsageError() {
        assertEquals("unknown option --nope (see --help)",
                assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(new String[] {"--nope", "1"},
                        Map.of())).getMessage());
        assertEquals("option --role needs a value", assertThrows(IllegalArgumentException.class,
                () -> LauncherOptions.parse(new String[] {"--role"}, Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LauncherOptions.parse(new String[] {"--http-port", "99999"}, Map.of())).getMessage()
                .contains("port number"));
        assertThrows(IllegalArgumentException.class,
                () -> LauncherOptions.parse(new String[0], Map.of("HACA_RPC_PORT", "abc")));
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(new String[] {"stray"}, Map.of()));
    }

    @Test
    void helpListsEveryOptionWithItsEnvironmentVariable() {
        assertTrue(LauncherOptions.parse(new String[] {"--help"}, Map.of()).help());
        String usage = LauncherOptions.usage();
        for (LauncherOptions.Option o : LauncherOptions.OPTIONS) {
            assertTrue(usage.contains("--" + o.name()), o.name());
            assertTrue(usage.contains(o.env()), o.env());
        }
    }
}
