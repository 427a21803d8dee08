package org.haca.proof.zk.internal.snarkjs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pinned independent references (node + snarkjs/circom2 under crosscheck/) for the Groth16 tests. The
 * fixture (circom circuit compiled, local ceremony, snarkjs proof) is built once per JVM under target/.
 */
public final class Crosscheck {
    public static final Path MODULE = Path.of("").toAbsolutePath();
    public static final Path SNARKJS = MODULE.resolve("crosscheck/node_modules/.bin/snarkjs");
    private static Path mulFixture;

    private Crosscheck() {
    }

    /** Exit code and combined output of a finished process. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** The fixture of crosscheck/groth16-mul.circom (a = 3, b = 5, x = 7; public: out, a, b), built once. */
    public static synchronized Path mulFixture() {
        if (mulFixture == null) {
            Path dir = MODULE.resolve("target/groth16-fixtures/mul");
            Result r = run("node", "crosscheck/groth16-fixtures.mjs", dir.toString(), "crosscheck/groth16-mul.circom",
                    "8", "{\"a\":\"3\",\"b\":\"5\",\"x\":\"7\"}");
            if (!r.ok()) {
                throw new IllegalStateException("fixture generation failed: " + r.output());
            }
            mulFixture = dir;
        }
        return mulFixture;
    }

    /** Runs the snarkjs CLI with these arguments. */
    public static Result snarkjs(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(SNARKJS.toString());
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    public static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(Path p) {
        return new String(bytes(p), StandardCharsets.UTF_8);
    }

    public static void write(Path p, byte[] data) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path p, String s) {
        write(p, s.getBytes(StandardCharsets.UTF_8));
    }
}
