package org.haca.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The only way into FileInstall: the operator's plugins directory is watched here, each jar is verified by
 * {@link PluginVerifier}, and only accepted jars are copied into the staging directory that FileInstall watches.
 *
 * <p>Why a staging directory rather than an OSGi hook: FileInstall installs (and with {@code bundles.new.start}
 * starts) a jar as soon as it sees it, and no framework hook can veto an install (CollisionHook and FindHook only
 * filter, a BundleListener runs after the fact, when the bundle's activator may already have run). Verifying before
 * the jar can reach FileInstall means a refused jar is never installed, and the check runs in the launcher, outside
 * the framework that a plugin could influence.
 *
 * <p>Staging mirrors "the last accepted version of each jar present in plugins/": a refused update keeps the
 * previously accepted version running (an attacker cannot turn a valid plugin off by overwriting it with junk, and
 * the operator sees why in the log); deleting the file from plugins/ removes it from staging, so FileInstall
 * uninstalls it. A jar is checked only when its size and modification time were stable over one poll, so a copy
 * in progress is not judged half-written.
 *
 * <p>Configuration files ({@code .cfg}, {@code .config}) pass unverified, so the plugins directory still configures
 * PIDs as before: they are data for code that is already trusted, and a signature format for them does not exist.
 * Other files are ignored (FileInstall would only log failed installs for them).
 */
final class PluginGate {
    /** Size and time of a file: what changes when it is replaced. */
    private record Stamp(long size, long modified) {
    }

    private final Path source;
    private final Path staging;
    private final Path tmp;
    private final PluginVerifier verifier;
    private final PrintStream log;
    private final Map<String, Stamp> lastSeen = new HashMap<>();
    private final Map<String, Stamp> judged = new HashMap<>();
    private Thread thread;
    private volatile boolean running;

    PluginGate(Path source, Path staging, Path tmp, PluginVerifier verifier, PrintStream log) {
        this.source = source;
        this.staging = staging;
        this.tmp = tmp;
        this.verifier = verifier;
        this.log = log;
    }

    /** Empties staging (nothing is trusted across restarts: the trust store may have changed) and judges once. */
    void init() throws IOException {
        Files.createDirectories(source);
        Files.createDirectories(staging);
        Files.createDirectories(tmp);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(staging)) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
        scan(true);
    }

    /** Polls every {@code intervalMs} on a daemon thread until {@link #stop}. */
    void start(long intervalMs) {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(intervalMs);
                    scan(false);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.println("[haca] plugin gate: scan failed: " + e);
                }
            }
        }, "haca-plugin-gate");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * One pass. {@code immediate}: judge every jar now (start-up, when files are not being written); otherwise only
     * jars whose stamp has not changed since the previous pass.
     */
    synchronized void scan(boolean immediate) throws IOException {
        Set<String> present = new HashSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(source, "*.{jar,cfg,config}")) {
            for (Path jar : ds) {
                if (!Files.isRegularFile(jar)) {
                    continue;
                }
                String name = jar.getFileName().toString();
                present.add(name);
                Stamp now;
                try {
                    now = new Stamp(Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
                } catch (IOException e) {
                    continue; // deleted between listing and stat
                }
                Stamp previous = lastSeen.put(name, now);
                boolean stable = immediate || now.equals(previous);
                if (stable && !now.equals(judged.get(name))) {
                    judged.put(name, now);
                    judge(jar, name);
                }
            }
        }
        lastSeen.keySet().retainAll(present);
        judged.keySet().retainAll(present);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(staging)) {
            for (Path p : ds) {
                if (!present.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                    log.println("[haca] plugin " + p.getFileName() + " removed from " + source + ": undeployed");
                }
            }
        }
    }

    private void judge(Path jar, String name) throws IOException {
        boolean configuration = !name.endsWith(".jar");
        // the copy is what gets verified and deployed, so replacing the file after the check changes nothing; it is
        // made in a directory FileInstall does not watch and moved in, so FileInstall never sees a half-written jar
        Path part = Files.createTempFile(tmp, name, ".part");
        try {
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            // configuration files are not code and cannot be signed; they pass as FileInstall always took them
            PluginVerifier.Verdict v = configuration ? PluginVerifier.Verdict.accept("configuration file, not code")
                    : verifier.verify(part);
            if (!v.accepted()) {
                boolean keeps = Files.exists(staging.resolve(name));
                log.println("[haca] plugin " + name + " REFUSED: " + v.reason()
                        + (keeps ? " (the previously accepted version stays deployed)" : " (not installed)"));
                return;
            }
            Files.move(part, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            if (v.reason().startsWith("DEV MODE")) {
                log.println("[haca] plugin " + name + " WARNING: " + v.reason());
            } else {
                log.println("[haca] plugin " + name + " accepted: " + v.reason());
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
