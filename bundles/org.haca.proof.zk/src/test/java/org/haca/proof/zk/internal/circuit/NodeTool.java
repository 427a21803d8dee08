package org.haca.proof.zk.internal.circuit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the pinned node references under {@code crosscheck/} (module basedir is the working directory). */
public final class NodeTool {
    private NodeTool() {
    }

    public static Path crosscheck() {
        return Path.of("crosscheck").toAbsolutePath();
    }

    /** Runs {@code command}, feeding {@code stdin}; returns stdout, failing on a non-zero exit or after 120 s. */
    public static String run(String stdin, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (var w = p.getOutputStream()) {
                if (stdin != null) {
                    w.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " exited " + p.exitValue() + ":\n" + err.join() + out.join());
            }
            return out.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code node crosscheck/<script> args...}. */
    public static String node(String stdin, String script, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.add(crosscheck().resolve(script).toString());
        cmd.addAll(List.of(args));
        return run(stdin, cmd.toArray(String[]::new));
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
