// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops FRR's daemons by their pid files, around {@code frrinit.sh stop}.
 *
 * <p>First watchfrr (so it restarts nothing), then bgpd, each with SIGTERM and a bounded wait.
 * frrinit.sh stops every daemon in parallel; when bfdd went first, a leaf saw BFD down on a session
 * still Established and reset it (a hard reset: no graceful restart, the node's routes flushed at
 * once; seen with FRR 10.3 on both ends). With bgpd gone first, the leaf is already a
 * graceful-restart helper when BFD goes.
 *
 * <p>Last, whatever outlived frrinit.sh stop: a pid file still naming a live process of that
 * daemon gets SIGTERM, then SIGKILL. A process is only signalled when its executable is the
 * daemon the file is named after, so a stale file whose pid was reused is left alone.
 */
public final class FrrStop {

    private static final Logger LOG = LoggerFactory.getLogger("stop-frr");

    private final PidFiles pids;
    private final Duration wait;

    public FrrStop(PidFiles pids, Duration wait) {
        this.pids = pids;
        this.wait = wait;
    }

    /** watchfrr, then bgpd; frrinit.sh stop does the rest. */
    public void bgpFirst() {
        for (String daemon : new String[] {"watchfrr", "bgpd"}) {
            running(daemon).ifPresent(process -> {
                if (!terminate(daemon, process)) {
                    LOG.warn("stop-frr: {} (pid {}) still running after {} ms; frrinit.sh stop goes on", daemon,
                            process.pid(), wait.toMillis());
                }
            });
        }
    }

    /** Every daemon frrinit.sh stop left running; returns how many there were. */
    public int leftovers() {
        int left = 0;
        for (Map.Entry<String, Long> entry : pids.read().entrySet()) {
            String daemon = entry.getKey();
            Optional<ProcessHandle> found = running(daemon, entry.getValue());
            if (found.isEmpty()) {
                continue;
            }
            ProcessHandle process = found.get();
            left++;
            LOG.warn("stop-frr: {} (pid {}) outlived frrinit.sh stop: sending SIGTERM", daemon, process.pid());
            if (!terminate(daemon, process)) {
                process.destroyForcibly();
                LOG.warn("stop-frr: {} (pid {}) still running after {} ms: sent SIGKILL", daemon,
                        process.pid(), wait.toMillis());
                terminated(daemon, process);
            }
        }
        return left;
    }

    private Optional<ProcessHandle> running(String daemon) {
        return pids.of(daemon).flatMap(pid -> running(daemon, pid));
    }

    /** The live process {@code pid}, if it is that daemon. */
    private static Optional<ProcessHandle> running(String daemon, long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> isDaemon(process, daemon));
    }

    private static boolean isDaemon(ProcessHandle process, String daemon) {
        Optional<String> command = process.info().command();
        boolean is = command.map(c -> c.equals(daemon) || c.endsWith("/" + daemon)).orElse(false);
        if (!is) {
            LOG.warn("stop-frr: {}.pid names pid {}, which is {}: left alone", daemon, process.pid(),
                    command.orElse("a process whose executable cannot be read"));
        }
        return is;
    }

    /** SIGTERM and a bounded wait for the exit; true when the daemon is gone. */
    private boolean terminate(String daemon, ProcessHandle process) {
        process.destroy();
        return terminated(daemon, process);
    }

    private boolean terminated(String daemon, ProcessHandle process) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        LOG.info("stop-frr: {} (pid {}) stopped", daemon, process.pid());
        try {
            Files.deleteIfExists(pids.file(daemon));
        } catch (IOException e) {
            LOG.warn("stop-frr: cannot remove {}: {}", pids.file(daemon), e.getMessage());
        }
        return true;
    }
}
