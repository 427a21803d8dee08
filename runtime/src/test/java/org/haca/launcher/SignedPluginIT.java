package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.KeyStore;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A production full node deploys only plugin jars signed by a key in its plugin trust store: the example plugin
 * dropped unsigned (or signed by a stranger) never appears; the same jar signed by the operator's key does.
 */
class SignedPluginIT {
    private static final Path PLUGIN = Path.of(System.getProperty("haca.test.plugins", "target/test-plugins"),
            "org.haca.contrib.hashcommit.jar");
    private static final String SCHEME = "contrib.hashcommit.v1";

    @TempDir
    Path dir;

    private static boolean hasScheme(NodeProcess node) {
        try {
            JsonObject info = JsonParser.parseString(node.get("/api/v1/node").body()).getAsJsonObject();
            for (JsonElement e : info.getAsJsonArray("proofSystems")) {
                if (e.getAsJsonObject().get("scheme").getAsString().equals(SCHEME)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void productionNodeRefusesUnsignedAndUntrustedPluginsAndDeploysSignedOnes() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        KeyStore.PrivateKeyEntry operator = TestSigning.newKey(keys, "operator");
        KeyStore.PrivateKeyEntry stranger = TestSigning.newKey(keys, "stranger");
        Path trust = TestSigning.pem(keys.resolve("plugin-trust.pem"), TestSigning.cert(operator));
        Path signed = TestSigning.sign(PLUGIN, keys.resolve("hashcommit-signed.jar"), operator);
        Path byStranger = TestSigning.sign(PLUGIN, keys.resolve("hashcommit-stranger.jar"), stranger);
        Path nodeDir = Files.createDirectories(dir.resolve("node"));
        Map<String, String> env = Map.of("HACA_ADMIN_PASSWORD", "a-long-operator-secret",
                "HACA_PLUGIN_TRUSTSTORE", trust.toString());
        try (NodeProcess node = NodeProcess.start(nodeDir, env, "--role", "full-node")) {
            node.awaitReady(Duration.ofSeconds(90));
            Path plugins = nodeDir.resolve("plugins");

            Files.copy(PLUGIN, plugins.resolve("unsigned.jar"));
            Files.copy(byStranger, plugins.resolve("stranger.jar"));
            assertFalse(NodeProcess.await(Duration.ofSeconds(10), () -> hasScheme(node)),
                    "an unsigned or untrusted plugin was deployed:\n" + node.output());
            assertTrue(node.output().contains("plugin unsigned.jar REFUSED: unsigned jar (not installed)"),
                    node.output());
            assertTrue(node.output().contains("plugin stranger.jar REFUSED: signer not trusted"), node.output());
            try (var s = Files.list(nodeDir.resolve("data/plugins-accepted"))) {
                assertEquals(0, s.count(), "nothing refused may reach FileInstall's directory");
            }
            Files.delete(plugins.resolve("unsigned.jar"));
            Files.delete(plugins.resolve("stranger.jar"));

            Files.copy(signed, plugins.resolve("hashcommit.jar"));
            long t0 = System.nanoTime();
            assertTrue(NodeProcess.await(Duration.ofSeconds(15), () -> hasScheme(node)),
                    "signed plugin did not appear:\n" + node.output());
            System.out.println("[SignedPluginIT] signed plugin visible after " + (System.nanoTime() - t0) / 1_000_000
                    + " ms");
            assertTrue(node.output().contains("plugin hashcommit.jar accepted: signed by trusted CN=operator"),
                    node.output());

            Files.delete(plugins.resolve("hashcommit.jar"));
            assertTrue(NodeProcess.await(Duration.ofSeconds(10), () -> !hasScheme(node)),
                    "removed plugin still deployed:\n" + node.output());
        }
    }

    @Test
    void unreadableTrustStoreFailsStartUp() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        Map<String, String> env = Map.of("HACA_ADMIN_PASSWORD", "a-long-operator-secret",
                "HACA_PLUGIN_TRUSTSTORE", bad.toString());
        try (NodeProcess node = NodeProcess.start(dir, env, "--role", "full-node")) {
            assertTrue(node.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, node.process.exitValue());
            assertTrue(node.output().contains("cannot read plugin trust store"), node.output());
        }
    }
}
