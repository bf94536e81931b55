// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health and metrics over HTTP, bound to 127.0.0.1 only (the extension runs in the host network
 * namespace: anything wider would expose it to the fabric). One thread: answers are in memory.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("health-server");
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Port 0 picks a free port (tests). */
    public static HealthServer start(int port, Function<HealthReport.Kind, HealthReport.Outcome> health,
            Supplier<String> metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 8);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, health, metrics);
            } catch (RuntimeException e) {
                LOG.warn("health-server: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            }
        });
        server.start();
        LOG.info("health-server: http://127.0.0.1:{}/health (/health/live, /health/ready, /metrics)",
                server.getAddress().getPort());
        return new HealthServer(server, executor);
    }

    private static void answer(HttpExchange exchange, Function<HealthReport.Kind, HealthReport.Outcome> health,
            Supplier<String> metrics) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        HealthReport.Kind kind = switch (path) {
            case "/health", "/health/" -> HealthReport.Kind.ALL;
            case "/health/live" -> HealthReport.Kind.LIVE;
            case "/health/ready" -> HealthReport.Kind.READY;
            default -> null;
        };
        if (kind != null) {
            HealthReport.Outcome outcome = health.apply(kind);
            send(exchange, outcome.up() ? 200 : 503, JSON, outcome.json() + "\n");
        } else if (path.equals("/metrics")) {
            send(exchange, 200, PrometheusText.CONTENT_TYPE, metrics.get());
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "not found; try /health, /health/live, /health/ready, /metrics\n");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
