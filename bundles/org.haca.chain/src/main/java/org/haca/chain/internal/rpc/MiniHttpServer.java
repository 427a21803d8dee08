package org.haca.chain.internal.rpc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately small HTTP/1.1 server (GET and POST, Content-Length bodies, keep-alive) for the JSON-RPC port, so the
 * chain needs neither the JDK's com.sun.net.httpserver (not exported by every OSGi framework) nor a second Jetty.
 */
final class MiniHttpServer implements AutoCloseable {
    static final int MAX_BODY = 4 << 20;

    record Request(String method, String target, Map<String, String> headers, byte[] body) {
    }

    record Response(int status, String contentType, byte[] body) {
    }

    interface Handler {
        Response handle(Request r);
    }

    private final ServerSocket server;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final Handler handler;
    private volatile boolean running = true;

    MiniHttpServer(String host, int port, int threads, Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(host, port), 128);
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "haca-rpc-worker");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::accept, "haca-rpc-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (running) {
            try {
                Socket s = server.accept();
                s.setSoTimeout(30_000);
                s.setTcpNoDelay(true);
                try {
                    workers.execute(() -> serve(s));
                } catch (RejectedExecutionException e) {
                    s.close();
                }
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (running) {
                String line = readLine(in);
                if (line == null || line.isEmpty()) {
                    return;
                }
                String[] parts = line.split(" ");
                if (parts.length != 3) {
                    write(out, new Response(400, "text/plain", "bad request line".getBytes()), false);
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                String h;
                while ((h = readLine(in)) != null && !h.isEmpty()) {
                    int c = h.indexOf(':');
                    if (c > 0) {
                        headers.put(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim());
                    }
                }
                int len = 0;
                try {
                    len = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                } catch (NumberFormatException e) {
                    len = -1;
                }
                if (len < 0 || len > MAX_BODY) {
                    write(out, new Response(413, "text/plain", "body too large".getBytes()), false);
                    return;
                }
                byte[] body = in.readNBytes(len);
                if (body.length != len) {
                    return;
                }
                boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection"))
                        && !"HTTP/1.0".equals(parts[2]);
                Response r;
                try {
                    r = handler.handle(new Request(parts[0], parts[1], headers, body));
                } catch (RuntimeException e) {
                    r = new Response(500, "application/json",
                            "{\"error\":\"internal\",\"message\":\"internal error\"}".getBytes());
                }
                write(out, r, keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketException e) {
            // client went away
        } catch (IOException e) {
            // timeout or broken connection
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 16 * 1024) {
                throw new IOException("line too long");
            }
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, Response r, boolean keepAlive) throws IOException {
        String head = "HTTP/1.1 " + r.status() + " " + reason(r.status()) + "\r\nContent-Type: " + r.contentType()
                + "\r\nContent-Length: " + r.body().length + "\r\nAccess-Control-Allow-Origin: *\r\nConnection: "
                + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body());
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            default -> "Error";
        };
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
