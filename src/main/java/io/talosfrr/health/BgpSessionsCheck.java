// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import io.talosfrr.frrstate.FrrObserver;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the sessions the configuration expects against those FRR shows ({@link SessionReadiness}). */
public final class BgpSessionsCheck extends AbstractHealthCheck {

    private final SessionReadiness readiness;
    private final ExpectedStateStore expected;
    private final FrrObserver observer;
    private final Clock clock;

    public BgpSessionsCheck(SessionReadiness readiness, ExpectedStateStore expected, FrrObserver observer, Clock clock) {
        super(HealthChecks.GROUP, "bgp-sessions");
        this.readiness = readiness;
        this.expected = expected;
        this.observer = observer;
        this.clock = clock;
    }

    public Verdict verdict() {
        return readiness.evaluate(expected.current(), observer.latest(), clock.instant());
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Verdict verdict = verdict();
        builder.state(verdict.up() ? State.UP : State.DOWN).message(verdict.message()).details(verdict.details());
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
