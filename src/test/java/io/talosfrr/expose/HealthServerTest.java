// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.expose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTTP server answers on 127.0.0.1 only: 200 when up, 503 when down, Prometheus text on /metrics. */
class HealthServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void answers200WhenUp503WhenDownAndMetricsAsText() throws Exception {
        try (HealthServer server = HealthServer.start(0,
                kind -> new HealthReport.Outcome(kind != HealthReport.Kind.READY, "{\"status\":\"" + kind + "\"}"),
                () -> "# HELP talosfrr_ready r\n# TYPE talosfrr_ready gauge\ntalosfrr_ready 0\n")) {
            int port = server.address().getPort();
            assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
            assertEquals(200, get(port, "/health/live").statusCode());
            HttpResponse<String> ready = get(port, "/health/ready");
            assertEquals(503, ready.statusCode());
            assertEquals("{\"status\":\"READY\"}\n", ready.body());
            HttpResponse<String> metrics = get(port, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertEquals(Optional.of(PrometheusText.CONTENT_TYPE), metrics.headers().firstValue("Content-Type"));
            assertEquals(404, get(port, "/other").statusCode());
        }
    }

    @Test
    void isNotReachableOnAnyOtherAddressOfTheHost() throws Exception {
        try (HealthServer server = HealthServer.start(0, kind -> new HealthReport.Outcome(true, "{}"), () -> "")) {
            int port = server.address().getPort();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        assertThrows(ConnectException.class, () -> new Socket(address, port).close(), address.toString());
                    }
                }
            }
            assertThrows(IOException.class, () -> new Socket(InetAddress.getByName("::1"), port).close());
            assertTrue(server.address().getAddress().isLoopbackAddress());
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
