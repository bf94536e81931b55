// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import io.talosfrr.frr.FrrDiff;
import io.talosfrr.health.ApplyStatus;
import io.talosfrr.health.ApplyStatusStore;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the config difference, says which lines reset sessions, and records how each live apply ended. */
public final class LiveApply {

    private static final Logger LOG = LoggerFactory.getLogger("apply-env-file");

    private final ApplyStatusStore status;

    public LiveApply(ApplyStatusStore status) {
        this.status = status;
    }

    public FrrDiff classify(@Body String reloadTestOutput) {
        FrrDiff diff = FrrDiff.parse(reloadTestOutput);
        if (diff.empty()) {
            LOG.info("diff-frr-config: frr.conf does not change");
        } else {
            LOG.info("diff-frr-config: frr.conf changes {} line(s): {}", diff.lines().size(), diff.lines());
        }
        for (String line : diff.disruptive()) {
            LOG.warn("diff-frr-config: disruptive: {}", line);
        }
        return diff;
    }

    public void succeeded(@ExchangeProperty("frrDiff") FrrDiff diff, @ExchangeProperty("changedFiles") List<String> changed,
            @ExchangeProperty("trigger") String trigger) {
        List<String> lines = diff == null ? List.of() : diff.lines();
        List<String> disruptive = diff == null ? List.of() : diff.disruptive();
        status.record(ApplyStatus.success(trigger == null ? "env-file" : trigger, lines, disruptive));
        LOG.info("apply-env-file: applied: files changed {}, {} config line(s), {} disruptive", changed, lines.size(),
                disruptive.size());
    }

    public void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = Lifecycle.rootMessage(cause);
        String trigger = exchange.getProperty("trigger", "env-file", String.class);
        status.record(ApplyStatus.failure(trigger, reason));
        LOG.error("apply-env-file: not applied: {}; the node keeps its previous configuration", reason);
    }

    public void restoreFailed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("restore-node: could not bring the node back: {}; compare `ip -d addr`, `ip rule` and "
                + "`vtysh -c 'show running-config'` with the last good env file", Lifecycle.rootMessage(cause));
    }
}
