// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the last apply. A failed boot is down; a failed live change is reported but stays up,
 * because FRR keeps running the configuration applied before it (docs/design.md, "Live changes").
 */
public final class LastApplyCheck extends AbstractHealthCheck {

    private final ApplyStatusStore store;

    public LastApplyCheck(ApplyStatusStore store) {
        super(HealthChecks.GROUP, "last-apply");
        this.store = store;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Verdict verdict = evaluate(store.last());
        builder.state(verdict.up() ? State.UP : State.DOWN).message(verdict.message()).details(verdict.details());
    }

    static Verdict evaluate(Optional<ApplyStatus> last) {
        if (last.isEmpty()) {
            return new Verdict(false, "boot in progress: nothing applied yet", Map.of());
        }
        ApplyStatus status = last.get();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("time", status.time().toString());
        details.put("trigger", status.trigger());
        details.put("ok", status.ok());
        if (!status.ok()) {
            details.put("error", status.error());
        }
        if (status.ok()) {
            return new Verdict(true, status.trigger() + " applied at " + status.time(), details);
        }
        if ("boot".equals(status.trigger())) {
            return new Verdict(false, "boot failed: " + status.error(), details);
        }
        return new Verdict(true, status.trigger() + " at " + status.time() + " failed: " + status.error()
                + "; FRR keeps the configuration applied before", details);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
