// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import io.talosfrr.frrstate.FrrObserver;
import io.talosfrr.frrstate.FrrSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Liveness and readiness: every daemon the configuration runs, and watchfrr, answers vtysh. */
public final class FrrDaemonsCheck extends AbstractHealthCheck {

    private final ExpectedStateStore expected;
    private final FrrObserver observer;
    private final Clock clock;
    private final Duration maxAge;

    public FrrDaemonsCheck(ExpectedStateStore expected, FrrObserver observer, Clock clock, Duration maxAge) {
        super(HealthChecks.GROUP, "frr-daemons");
        this.expected = expected;
        this.observer = observer;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Verdict verdict = evaluate(expected.current(), observer.latest(), clock, maxAge);
        builder.state(verdict.up() ? State.UP : State.DOWN).message(verdict.message()).details(verdict.details());
    }

    static Verdict evaluate(Optional<ExpectedState> expected, Optional<FrrSnapshot> latest, Clock clock, Duration maxAge) {
        if (expected.isEmpty()) {
            return new Verdict(true, "boot in progress: FRR not started yet", Map.of());
        }
        if (latest.isEmpty()) {
            return new Verdict(false, "FRR not observed yet", Map.of());
        }
        long age = Duration.between(latest.get().takenAt(), clock.instant()).toSeconds();
        if (age > maxAge.toSeconds()) {
            return new Verdict(false, "FRR last observed " + age + " s ago: the observe-frr route is stuck", Map.of());
        }
        List<String> wanted = new ArrayList<>(expected.get().daemons());
        wanted.add("watchfrr");
        List<String> missing = wanted.stream().filter(d -> !latest.get().daemons().contains(d)).toList();
        Map<String, Object> details = Map.of("answering", String.join(" ", latest.get().daemons()));
        if (!missing.isEmpty()) {
            return new Verdict(false, "not answering: " + String.join(", ", missing)
                    + complaints(latest.get()), details);
        }
        return new Verdict(true, "answering: " + String.join(", ", wanted), details);
    }

    private static String complaints(FrrSnapshot snapshot) {
        return snapshot.complaints().isEmpty() ? "" : " (vtysh: " + String.join("; ", snapshot.complaints()) + ")";
    }

    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }
}
