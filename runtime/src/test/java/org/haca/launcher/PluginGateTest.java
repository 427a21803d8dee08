package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate between the operator's plugins directory and FileInstall's staging directory. */
class PluginGateTest {
    @TempDir
    Path dir;
    Path plugins;
    Path staging;
    KeyStore.PrivateKeyEntry key;
    Path unsigned;
    Path signed;
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    PluginGate gate;

    @BeforeEach
    void setUp() throws Exception {
        plugins = dir.resolve("plugins");
        staging = dir.resolve("data/plugins-accepted");
        key = TestSigning.newKey(dir, "ops");
        unsigned = TestSigning.jar(dir.resolve("p.jar"), Map.of("a/A.class", "code"));
        signed = TestSigning.sign(unsigned, dir.resolve("p-signed.jar"), key);
        gate = new PluginGate(plugins, staging, dir.resolve("data/tmp"),
                new PluginVerifier(List.of(TestSigning.cert(key)), false),
                new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** Two passes: the first sees the file, the second finds it stable and judges it. */
    private void settle() throws Exception {
        gate.scan(false);
        gate.scan(false);
    }

    @Test
    void startUpEmptiesStagingAndJudgesExistingJars() throws Exception {
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("left-over.jar"), "from a previous run");
        Files.createDirectories(plugins);
        Files.copy(signed, plugins.resolve("good.jar"));
        Files.copy(unsigned, plugins.resolve("bad.jar"));
        gate.init();
        assertFalse(Files.exists(staging.resolve("left-over.jar")));
        assertArrayEquals(Files.readAllBytes(signed), Files.readAllBytes(staging.resolve("good.jar")));
        assertFalse(Files.exists(staging.resolve("bad.jar")));
        assertTrue(log().contains("plugin bad.jar REFUSED: unsigned jar (not installed)"), log());
        assertTrue(log().contains("plugin good.jar accepted: signed by trusted CN=ops"), log());
    }

    @Test
    void signedJarIsStagedOnlyOnceStableAndRemovedWithItsSource() throws Exception {
        gate.init();
        Files.copy(signed, plugins.resolve("x.jar"));
        gate.scan(false);
        assertFalse(Files.exists(staging.resolve("x.jar")), "judged before the copy was known to be complete");
        gate.scan(false);
        assertTrue(Files.exists(staging.resolve("x.jar")));
        Files.delete(plugins.resolve("x.jar"));
        gate.scan(false);
        assertFalse(Files.exists(staging.resolve("x.jar")));
        assertTrue(log().contains("x.jar removed"), log());
    }

    @Test
    void refusedUpdateKeepsTheAcceptedVersionAndValidUpdateReplacesIt() throws Exception {
        gate.init();
        Path target = plugins.resolve("x.jar");
        Files.copy(signed, target);
        settle();
        byte[] accepted = Files.readAllBytes(staging.resolve("x.jar"));

        Path tampered = TestSigning.tamper(signed, dir.resolve("t.jar"), "a/A.class", "evil");
        Files.copy(tampered, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        settle();
        assertArrayEquals(accepted, Files.readAllBytes(staging.resolve("x.jar")));
        assertTrue(log().contains("x.jar REFUSED: signature check failed"), log());
        assertTrue(log().contains("previously accepted version stays deployed"), log());

        Path v2 = TestSigning.sign(TestSigning.jar(dir.resolve("v2.jar"), Map.of("a/A.class", "code v2")),
                dir.resolve("v2-signed.jar"), key);
        Files.copy(v2, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        settle();
        assertArrayEquals(Files.readAllBytes(v2), Files.readAllBytes(staging.resolve("x.jar")));
    }

    @Test
    void nonJarFilesAndPartFilesNeverReachStaging() throws Exception {
        gate.init();
        Files.writeString(plugins.resolve("notes.txt"), "hello");
        Files.copy(unsigned, plugins.resolve("u.jar"));
        settle();
        try (var s = Files.list(staging)) {
            assertTrue(s.findAny().isEmpty(), "staging must stay empty");
        }
        try (var s = Files.list(dir.resolve("data/tmp"))) {
            assertTrue(s.findAny().isEmpty(), "temporary copies are cleaned up");
        }
    }

    @Test
    void configurationFilesPassUnverifiedAndFollowTheirSource() throws Exception {
        gate.init();
        Files.writeString(plugins.resolve("org.example.pid.cfg"), "a=1\n");
        settle();
        assertTrue(Files.readString(staging.resolve("org.example.pid.cfg")).equals("a=1\n"));
        assertTrue(log().contains("org.example.pid.cfg accepted: configuration file, not code"), log());
        Files.delete(plugins.resolve("org.example.pid.cfg"));
        gate.scan(false);
        assertFalse(Files.exists(staging.resolve("org.example.pid.cfg")));
    }

    @Test
    void backgroundThreadDeploysWithinAFewPolls() throws Exception {
        gate.init();
        gate.start(50);
        try {
            Files.copy(signed, plugins.resolve("bg.jar"));
            long deadline = System.currentTimeMillis() + 5_000;
            while (!Files.exists(staging.resolve("bg.jar")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(staging.resolve("bg.jar")), log());
        } finally {
            gate.stop();
        }
    }
}
