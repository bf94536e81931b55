// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import io.talosfrr.frr.RunningConfig;
import io.talosfrr.frrstate.FrrObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** The checks that decide the node's health, all in Camel's health registry under {@link #GROUP}. */
public record HealthChecks(FrrDaemonsCheck daemons, BgpSessionsCheck sessions, LastApplyCheck lastApply,
        RunningConfigCheck runningConfig) {

    public static final String GROUP = "talos-frr";

    public static HealthChecks create(SessionReadiness readiness, Duration maxObservationAge, ExpectedStateStore expected,
            FrrObserver observer, ApplyStatusStore applies, RunningConfig runningConfig, Clock clock) {
        return new HealthChecks(new FrrDaemonsCheck(expected, observer, clock, maxObservationAge),
                new BgpSessionsCheck(readiness, expected, observer, clock), new LastApplyCheck(applies),
                new RunningConfigCheck(runningConfig));
    }

    public List<AbstractHealthCheck> all() {
        return List.of(daemons, sessions, lastApply, runningConfig);
    }
}
