// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import io.talosfrr.config.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.ExchangeProperty;

/**
 * After a graceful restart the leaves keep the node's routes as stale until the node, back up,
 * sends End-of-RIB; anything not advertised again by then is withdrawn. The LoadBalancer routes
 * come from the speaker's session in the VRF, which reconnects later than the leaves do, so a
 * restarted node holds its fabric sessions shut until the speaker's routes are back (bounded).
 * A restart is recognised by the stamp the previous run's clean stop left, if it is recent enough
 * for the leaves to still hold the node's routes.
 */
public final class RestartHold {

    /** The leaves keep a restarting node's routes this long (FRR's default GR restart time). */
    static final Duration LEAVES_KEEP_ROUTES = Duration.ofSeconds(120);

    private final Path stamp;
    private final Clock clock;

    public RestartHold(Path stamp, Clock clock) {
        this.stamp = stamp;
        this.clock = clock;
    }

    /** Called after FRR stopped cleanly: the next start is a graceful restart. */
    public void markStopped() throws IOException {
        Files.createDirectories(stamp.getParent());
        Files.writeString(stamp, Long.toString(clock.millis()));
    }

    /** True (once) when graceful restart is on and the previous run stopped less than 120 s ago. */
    public boolean needed(@ExchangeProperty("config") NodeConfig config) throws IOException {
        if (!Files.isRegularFile(stamp)) {
            return false;
        }
        long stoppedAt;
        try {
            stoppedAt = Long.parseLong(Files.readString(stamp).strip());
        } catch (NumberFormatException e) {
            stoppedAt = 0;
        } finally {
            Files.deleteIfExists(stamp);
        }
        Duration since = Duration.ofMillis(clock.millis() - stoppedAt);
        return config.gracefulRestart() && !since.isNegative() && since.compareTo(LEAVES_KEEP_ROUTES) < 0;
    }
}
