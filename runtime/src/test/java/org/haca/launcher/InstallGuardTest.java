package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** The guard inside a real Felix: only feature and gate-accepted bundles resolve on a production node. */
class InstallGuardTest {
    @TempDir
    Path dir;

    private Framework framework;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of("org.osgi.framework.storage", dir.resolve("cache").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit"));
        framework.init();
        framework.getBundleContext().registerService(ResolverHookFactory.class,
                new InstallGuard(dir.resolve("plugins-accepted"), new PrintStream(log, true, StandardCharsets.UTF_8)),
                null);
        framework.start();
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private Path bundleJar(String name) throws Exception {
        return TestSigning.jar(dir.resolve(name), Map.of("a/readme.txt", "x"));
    }

    @Test
    void aBundleInstalledFromElsewhereNeverResolvesOrStarts() throws Exception {
        Path jar = bundleJar("elsewhere.jar");
        Bundle b = framework.getBundleContext().installBundle(jar.toUri().toString());
        assertThrows(BundleException.class, b::start);
        assertEquals(Bundle.INSTALLED, b.getState());
        // the same for a stream install, as the Gogo shell's "install" of a URL would do
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle s = framework.getBundleContext().installBundle("http://evil.example/x.jar", in);
            assertThrows(BundleException.class, s::start);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("REFUSED: installed outside the signed-plugin gate"), text);
    }

    @Test
    void featureAndAcceptedPluginsResolve() throws Exception {
        Path accepted = Files.createDirectories(dir.resolve("plugins-accepted"));
        Path jar = Files.copy(bundleJar("ok.jar"), accepted.resolve("ok.jar"));
        Bundle plugin = framework.getBundleContext().installBundle(jar.toUri().toString());
        plugin.start();
        assertEquals(Bundle.ACTIVE, plugin.getState());
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle feature = framework.getBundleContext().installBundle(InstallGuard.FEATURE_LOCATION + "g:a:1", in);
            feature.start();
            assertEquals(Bundle.ACTIVE, feature.getState());
        }
        // a path that only looks like the accepted folder is not inside it
        Path sibling = Files.createDirectories(dir.resolve("plugins-accepted-not"));
        Bundle fake = framework.getBundleContext().installBundle(
                Files.copy(bundleJar("x.jar"), sibling.resolve("x.jar")).toUri().toString());
        assertThrows(BundleException.class, fake::start);
        assertEquals("", log.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("ok.jar") || l.contains("g:a:1")).findAny().orElse(""));
    }
}
