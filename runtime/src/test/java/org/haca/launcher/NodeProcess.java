package org.haca.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A node jar started as a separate process in its own directory, for black-box tests. */
final class NodeProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("haca.node.jar", "target/haca-node.jar"));

    final Path dir;
    final int httpPort;
    final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private NodeProcess(Path dir, int httpPort, Process process, Path log) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.process = process;
        this.log = log;
    }

    static NodeProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        int[] ports = freePorts(2);
        int port = ports[0];
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toAbsolutePath().toString(), "--http-port",
                Integer.toString(port), "--rpc-port", Integer.toString(ports[1])));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Path log = dir.resolve("node.log");
        pb.redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("HACA_"));
        pb.environment().putAll(env);
        return new NodeProcess(dir, port, pb.start(), log);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Distinct free ports: all sockets are held open together, so the kernel cannot hand out the same port twice
     * (separately probed ports can coincide, and then the node's second server fails to bind).
     */
    static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(10));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null, null);
    }

    /** Any method, optional body, optional Basic credentials ({@code user:password}, null for none). */
    HttpResponse<String> send(String method, String path, byte[] body, String credentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (credentials != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the condition holds; false on timeout. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    /** Waits for /api/v1/node to answer 200; returns the milliseconds it took from process start. */
    long awaitReady(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        boolean up = await(timeout, () -> {
            try {
                return process.isAlive() && get("/api/v1/node").statusCode() == 200;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        if (!up) {
            throw new AssertionError("node did not come up in " + timeout + "; output:\n" + output());
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** SIGTERM, then wait; returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node ignored SIGTERM for " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
