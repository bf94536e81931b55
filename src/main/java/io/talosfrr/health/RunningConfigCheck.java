// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import io.talosfrr.frr.RunningConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: FRR runs frr.conf as rendered, as compared after the last load (and one more load
 * where it did not). Down when a line of frr.conf is missing from FRR, naming the lines: the node
 * is not configured as asked. Lines FRR has besides (its version's defaults) are shown, not down.
 */
public final class RunningConfigCheck extends AbstractHealthCheck {

    private final RunningConfig runningConfig;

    public RunningConfigCheck(RunningConfig runningConfig) {
        super(HealthChecks.GROUP, "frr-config");
        this.runningConfig = runningConfig;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Verdict verdict = evaluate(runningConfig.last());
        builder.state(verdict.up() ? State.UP : State.DOWN).message(verdict.message()).details(verdict.details());
    }

    static Verdict evaluate(Optional<RunningConfig.Check> last) {
        if (last.isEmpty()) {
            return new Verdict(true, "not compared yet: FRR has not been loaded", Map.of());
        }
        RunningConfig.Check check = last.get();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("time", check.time().toString());
        if (check.matches()) {
            return new Verdict(true, "FRR runs frr.conf as rendered (compared at " + check.time() + ")", details);
        }
        details.put("missing", String.join("\n", check.missing()));
        details.put("extra", String.join("\n", check.extra()));
        if (check.complete()) {
            return new Verdict(true, "FRR runs every line of frr.conf, and its own defaults besides: "
                    + String.join("; ", check.extra()), details);
        }
        return new Verdict(false, "FRR does not run every line of frr.conf (+ missing, - extra): "
                + String.join("; ", check.lines()), details);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
