// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first part of a clean stop: watchfrr (so it restarts nothing), then bgpd, each with SIGTERM
 * and a bounded wait, before frrinit.sh stops the rest at once. frrinit.sh stops every daemon in
 * parallel; when bfdd went first, a leaf saw BFD down on a session still Established and reset it
 * (a hard reset: no graceful restart, the node's routes flushed at once; seen with FRR 10.3 on
 * both ends). With bgpd gone first, the leaf is already a graceful-restart helper when BFD goes.
 */
public final class BgpFirstStop {

    private static final Logger LOG = LoggerFactory.getLogger("stop-frr");

    private final PidFiles pids;
    private final Duration wait;

    public BgpFirstStop(PidFiles pids, Duration wait) {
        this.pids = pids;
        this.wait = wait;
    }

    public void stop() {
        stop("watchfrr");
        stop("bgpd");
    }

    private void stop(String daemon) {
        Optional<ProcessHandle> process = pids.of(daemon).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        process.get().destroy();
        try {
            process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            Files.deleteIfExists(pids.file(daemon));
            LOG.info("stop-frr: {} (pid {}) stopped", daemon, process.get().pid());
        } catch (TimeoutException e) {
            LOG.warn("stop-frr: {} (pid {}) still running after {} s; frrinit.sh stop goes on", daemon,
                    process.get().pid(), wait.toSeconds());
        } catch (ExecutionException | IOException e) {
            LOG.warn("stop-frr: stopping {}: {}", daemon, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
