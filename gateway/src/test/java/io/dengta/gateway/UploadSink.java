package io.dengta.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service that takes uploads as a stream and keeps nothing of them but a count and a digest, and tells
 * when the first bytes arrived: with it a test proves the gateway forwards a body while the caller is still
 * sending it (a gateway that buffered the body would pass nothing on before the caller finished).
 */
public class UploadSink {

    public record Received(long bytes, String sha256) {
    }

    private final HttpServer server;
    private volatile CompletableFuture<Void> firstBytes = new CompletableFuture<>();
    private volatile CompletableFuture<Received> received = new CompletableFuture<>();

    UploadSink() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets the last upload. */
    public void reset() {
        firstBytes = new CompletableFuture<>();
        received = new CompletableFuture<>();
    }

    /** Completes when the first bytes of a body have arrived. */
    public CompletableFuture<Void> firstBytes() {
        return firstBytes;
    }

    /** Completes when a whole body has arrived. */
    public CompletableFuture<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        MessageDigest digest = sha256();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = exchange.getRequestBody()) {
            for (int n; (n = body.read(buffer)) > 0;) {
                firstBytes.complete(null);
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        received.complete(new Received(total, HexFormat.of().formatHex(digest.digest())));
        byte[] answer = ("{\"state\":\"queued\",\"bytes\":" + total + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
