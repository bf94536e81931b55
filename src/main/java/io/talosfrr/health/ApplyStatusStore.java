// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the last {@link ApplyStatus} and how many applies ended how; written by boot and live
 * changes, read by health, metrics and JMX.
 */
public final class ApplyStatusStore {

    /** Counts by trigger and result, e.g. ("env-file", "failed"). */
    public record Outcome(String trigger, String result) implements Comparable<Outcome> {
        @Override
        public int compareTo(Outcome o) {
            int byTrigger = trigger.compareTo(o.trigger);
            return byTrigger != 0 ? byTrigger : result.compareTo(o.result);
        }
    }

    private final AtomicReference<ApplyStatus> last = new AtomicReference<>();
    private final Map<Outcome, Long> counts = new TreeMap<>();

    public synchronized void record(ApplyStatus status) {
        last.set(status);
        counts.merge(new Outcome(status.trigger(), status.ok() ? "ok" : "failed"), 1L, Long::sum);
    }

    public Optional<ApplyStatus> last() {
        return Optional.ofNullable(last.get());
    }

    public synchronized Map<Outcome, Long> counts() {
        return new TreeMap<>(counts);
    }
}
