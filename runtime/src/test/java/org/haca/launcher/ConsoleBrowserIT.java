package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haca.onnx.testmodels.TestModels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser tests of the haca Web Console pages in headless Chromium (Debian {@code chromium} + {@code playwright-core}
 * pinned in src/test/browser): log in with the printed dev password, open every haca page, upload a model, run a
 * TEE inference, follow it to the verification and economics pages; a wrong password gets 401. Screenshots of each
 * page land in target/screenshots/console. Skipped (with a message) only where /usr/bin/chromium is absent.
 */
class ConsoleBrowserIT {
    static final Path CHROMIUM = Path.of(System.getProperty("haca.chromium", "/usr/bin/chromium"));
    static final Path BROWSER_TESTS = Path.of("src/test/browser");
    static final Path PLUGIN = Path.of(System.getProperty("haca.test.plugins", "target/test-plugins"),
            "org.haca.contrib.hashcommit.jar");
    static final Path SCREENSHOTS = Path.of("target/screenshots/console");
    private static final Pattern PASSWORD = Pattern.compile("generated admin password \\(shown once\\): (\\S+)");

    @TempDir
    Path dir;

    @Test
    void operatorRunsTheLifecycleFromTheConsole() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED console browser tests: " + CHROMIUM
                + " is absent (install it with: apt-get install -y chromium)");
        run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(3));

        Path model = dir.resolve("mnist-mlp.onnx");
        Files.write(model, TestModels.mlp());
        Files.createDirectories(SCREENSHOTS);
        try (NodeProcess node = NodeProcess.start(dir, Map.of())) {
            node.awaitReady(Duration.ofSeconds(60));
            assertTrue(NodeProcess.await(Duration.ofSeconds(10), () -> PASSWORD.matcher(node.output()).find()),
                    node.output());
            Matcher m = PASSWORD.matcher(node.output());
            assertTrue(m.find());
            String password = m.group(1);
            // every haca page registered before the browser starts
            assertTrue(NodeProcess.await(Duration.ofSeconds(30), () -> {
                try {
                    return node.get("/system/console/haca-economics", "admin", "x").statusCode() == 401
                            && node.get("/system/console/haca-verification", "admin", password).statusCode() == 200;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            }), "console pages never came up:\n" + node.output());
            String out = run(List.of("node", "console.mjs"), Map.of("BASE_URL", "http://localhost:" + node.httpPort,
                    "PASSWORD", password, "MODEL_FILE", model.toAbsolutePath().toString(), "OUT_DIR",
                    SCREENSHOTS.toAbsolutePath().toString(), "CHROMIUM", CHROMIUM.toString(), "PLUGIN_FILE",
                    PLUGIN.toAbsolutePath().toString()), Duration.ofMinutes(3));
            assertTrue(out.contains("ALL PASSED"), out);
        }
        for (String shot : List.of("01-node", "02-plugins", "03-models-empty", "04-models-uploaded",
                "05-inference-result", "06-verification", "07-economics", "08-plugins-installed",
                "09-plugins-uninstalled")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(shot + ".png")) > 1000, shot);
        }
    }

    private String run(List<String> cmd, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path log = dir.resolve(cmd.get(0) + "-" + cmd.get(1) + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(BROWSER_TESTS.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " ran past " + timeout + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("[ConsoleBrowserIT] " + String.join(" ", cmd) + "\n" + out);
        assertEquals(0, p.exitValue(), cmd + " failed:\n" + out);
        return out;
    }
}
