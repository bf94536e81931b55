// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import io.talosfrr.frr.ExecOutput;
import io.talosfrr.frr.PidFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.exec.ExecException;
import org.apache.camel.component.exec.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observe-frr route's bean: the vtysh arguments of the one call per tick, and the snapshot
 * made of its answer and of the pid files. Holds the latest snapshot for health, metrics and JMX.
 */
public final class FrrObserver {

    private static final Logger LOG = LoggerFactory.getLogger("observe-frr");

    private final BooleanSupplier bfdExpected;
    private final PidFiles pidFiles;
    private final DaemonRestarts restarts;
    private final Clock clock;
    private final AtomicReference<FrrSnapshot> latest = new AtomicReference<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> lastComplaints = new AtomicReference<>("");

    public FrrObserver(BooleanSupplier bfdExpected, PidFiles pidFiles, DaemonRestarts restarts, Clock clock) {
        this.bfdExpected = bfdExpected;
        this.pidFiles = pidFiles;
        this.restarts = restarts;
        this.clock = clock;
    }

    /**
     * `show daemons` first: vtysh stops at the first command whose daemon is down, so the list of
     * those answering must come before. BFD only when the configuration runs bfdd.
     */
    public List<String> vtyshArgs() {
        List<String> args = new ArrayList<>(List.of("-c", "show daemons", "-c", "show bgp vrf all summary json"));
        if (bfdExpected.getAsBoolean()) {
            args.addAll(List.of("-c", "show bfd peers json"));
        }
        return args;
    }

    public void record(@Body ExecResult result) {
        record(read(result.getStdout()), read(result.getStderr()));
    }

    public void record(String stdout, String stderr) {
        store(FrrStateParser.parse(stdout, stderr, clock.instant()));
    }

    /** vtysh did not finish (timeout) or exited with a status it never uses for a daemon that is down. */
    public void recordFailure(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        String why = failure instanceof ExecException exec ? "vtysh exit " + exec.getExitValue() + ": " + ExecOutput.of(exec)
                : "vtysh: " + failure.getMessage();
        store(new FrrSnapshot(clock.instant(), Set.of(), List.of(), List.of(), List.of(why)));
    }

    private void store(FrrSnapshot snapshot) {
        restarts.observe(pidFiles.read());
        latest.set(snapshot);
        String complaints = String.join("; ", snapshot.complaints());
        if (!complaints.isEmpty()) {
            failures.incrementAndGet();
        }
        // Logged when what FRR complains about changes, not on every tick.
        String before = lastComplaints.getAndSet(complaints);
        if (!complaints.equals(before)) {
            if (complaints.isEmpty()) {
                LOG.info("observe-frr: FRR answers again: {}", String.join(" ", snapshot.daemons()));
            } else {
                LOG.warn("observe-frr: {}", complaints);
            }
        }
    }

    public Optional<FrrSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** Observations in which vtysh complained (a daemon down, no answer at all). */
    public long failedObservations() {
        return failures.get();
    }

    public DaemonRestarts restarts() {
        return restarts;
    }

    private static String read(InputStream in) {
        if (in == null) {
            return "";
        }
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
