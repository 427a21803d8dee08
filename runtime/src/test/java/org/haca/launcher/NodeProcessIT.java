package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Black-box tests of the node jar: start-up, console security, hot deploy, clean shutdown, start-up failures. */
class NodeProcessIT {
    private static final Path PLUGIN = Path.of(System.getProperty("haca.test.plugins", "target/test-plugins"),
            "org.haca.contrib.hashcommit.jar");
    private static final String PLUGIN_BSN = "org.haca.contrib.hashcommit";
    private static final Pattern PASSWORD = Pattern.compile("generated admin password \\(shown once\\): (\\S+)");

    @TempDir
    Path dir;

    private static JsonObject node(NodeProcess node) {
        try {
            return JsonParser.parseString(node.get("/api/v1/node").body()).getAsJsonObject();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasScheme(JsonObject node, String scheme) {
        for (JsonElement e : node.getAsJsonArray("proofSystems")) {
            if (e.getAsJsonObject().get("scheme").getAsString().equals(scheme)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allActive(JsonObject node) {
        for (JsonElement b : node.getAsJsonArray("bundles")) {
            if (!"ACTIVE".equals(b.getAsJsonObject().get("state").getAsString())) {
                return false;
            }
        }
        return true;
    }

    private static JsonObject bundle(JsonObject node, String bsn) {
        JsonArray bundles = node.getAsJsonArray("bundles");
        for (JsonElement e : bundles) {
            if (bsn.equals(e.getAsJsonObject().get("symbolicName").getAsString())) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    @Test
    void devNodeServesApiProtectsConsoleHotDeploysAndStopsCleanly() throws Exception {
        try (NodeProcess node = NodeProcess.start(dir, Map.of())) {
            long readyMs = node.awaitReady(Duration.ofSeconds(60));
            System.out.println("[NodeProcessIT] dev node answered /api/v1/node after " + readyMs + " ms");

            JsonObject info = node(node);
            assertEquals("dev-node", info.get("role").getAsString());
            assertTrue(info.get("devMode").getAsBoolean());
            // the REST API answers while the last bundles (FileInstall starts last) may still be STARTING
            assertTrue(NodeProcess.await(Duration.ofSeconds(30), () -> allActive(node(node))),
                    "not every bundle became ACTIVE: " + node(node).getAsJsonArray("bundles"));
            assertEquals(404, node.get("/api/v1/does-not-exist").statusCode());
            assertTrue(node.get("/api/v1/does-not-exist").body().contains("\"error\":\"not_found\""));

            // Prometheus metrics count the calls made so far
            String metrics = node.get("/metrics").body();
            assertTrue(metrics.contains("haca_http_requests_total{resource=\"node\",method=\"GET\",status=\"200\"}"),
                    metrics);
            assertTrue(metrics.contains("haca_bundles{state=\"ACTIVE\"}"), metrics);

            // console: no default password; the generated one is printed once
            Matcher m = PASSWORD.matcher(node.output());
            assertTrue(m.find(), node.output());
            String password = m.group(1);
            assertEquals(401, node.get("/system/console/bundles").statusCode());
            assertEquals(401, node.get("/system/console/bundles", "admin", "admin").statusCode());
            assertEquals(401, node.get("/system/console/bundles", "admin", password + "x").statusCode());
            assertEquals(200, node.get("/system/console/bundles", "admin", password).statusCode());

            // hot deploy: drop the example plugin, it shows up as a proof system
            Path deployed = node.dir.resolve("plugins").resolve(PLUGIN.getFileName());
            Files.copy(PLUGIN, deployed);
            long t0 = System.nanoTime();
            assertTrue(NodeProcess.await(Duration.ofSeconds(10), () -> hasScheme(node(node), "contrib.hashcommit.v1")),
                    "plugin did not appear within 10 s");
            System.out.println("[NodeProcessIT] plugin visible after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertEquals("ACTIVE", bundle(node(node), PLUGIN_BSN).get("state").getAsString());

            // replaced: updated in place (same bundle id, newer revision)
            JsonObject before = bundle(node(node), PLUGIN_BSN);
            Files.copy(PLUGIN, deployed, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(deployed, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            assertTrue(NodeProcess.await(Duration.ofSeconds(10), () -> {
                JsonObject now = bundle(node(node), PLUGIN_BSN);
                return now != null && now.get("lastModified").getAsLong() > before.get("lastModified").getAsLong()
                        && "ACTIVE".equals(now.get("state").getAsString());
            }), "plugin was not updated within 10 s");
            assertEquals(before.get("id").getAsLong(), bundle(node(node), PLUGIN_BSN).get("id").getAsLong());

            // removed: uninstalled, gone from the API
            Files.delete(deployed);
            assertTrue(NodeProcess.await(Duration.ofSeconds(10), () -> !hasScheme(node(node), "contrib.hashcommit.v1")
                    && bundle(node(node), PLUGIN_BSN) == null), "plugin did not disappear within 10 s");

            int exit = node.terminate(Duration.ofSeconds(30));
            assertTrue(node.output().contains("[haca] node stopped"), node.output());
            assertNotEquals(1, exit, "SIGTERM is a clean stop, not a start failure");
            assertFalse(node.output().contains("Exception"), node.output());
        }
    }

    @Test
    void productionRoleRefusesToStartWithoutAdminPassword() throws Exception {
        try (NodeProcess node = NodeProcess.start(dir, Map.of(), "--role", "full-node")) {
            assertTrue(node.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, node.process.exitValue());
            assertTrue(node.output().contains("HACA_ADMIN_PASSWORD is required outside dev mode"), node.output());
        }
    }

    @Test
    void productionRoleUsesConfiguredCredentials() throws Exception {
        Map<String, String> env = Map.of("HACA_ADMIN_USER", "ops", "HACA_ADMIN_PASSWORD", "a-long-operator-secret");
        try (NodeProcess node = NodeProcess.start(dir, env, "--role", "full-node")) {
            node.awaitReady(Duration.ofSeconds(60));
            assertEquals("full-node", node(node).get("role").getAsString());
            assertFalse(node.output().contains("generated admin password"));
            assertEquals(401, node.get("/system/console/bundles", "admin", "admin").statusCode());
            assertEquals(200, node.get("/system/console/bundles", "ops", "a-long-operator-secret").statusCode());
        }
    }

    @Test
    void featureNamingAMissingBundleFailsStartUpWithItsName() throws Exception {
        Path feature = dir.resolve("broken.json");
        Files.writeString(feature, "{\"id\":\"org.haca:broken:osgifeature:1\",\"bundles\":["
                + "\"org.apache.felix:org.apache.felix.scr:2.2.18\",\"org.example:not-embedded:9.9\"]}");
        try (NodeProcess node = NodeProcess.start(dir, Map.of(), "--feature", feature.toString())) {
            assertTrue(node.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, node.process.exitValue());
            assertTrue(node.output().contains("org.example:not-embedded:9.9"), node.output());
        }
    }

    @Test
    void unknownRoleAndHelp() throws Exception {
        try (NodeProcess node = NodeProcess.start(dir, Map.of(), "--role", "miner", "--dev", "true")) {
            assertTrue(node.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, node.process.exitValue());
            assertTrue(node.output().contains("unknown role 'miner'"), node.output());
        }
        Path other = Files.createDirectory(dir.resolve("help"));
        try (NodeProcess node = NodeProcess.start(other, Map.of(), "--help")) {
            assertTrue(node.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, node.process.exitValue());
            assertTrue(node.output().contains("HACA_PLUGINS_DIR"), node.output());
        }
    }
}
