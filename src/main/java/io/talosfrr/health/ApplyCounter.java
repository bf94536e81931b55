// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import io.talosfrr.app.ApplyStatus;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts applies by trigger and result. The store keeps only the last apply, so each new one is
 * counted when seen (every observation and every scrape); two applies between two looks count once.
 */
public final class ApplyCounter {

    private final Map<String, Long> counts = new TreeMap<>();
    private ApplyStatus lastSeen;

    public synchronized void see(Optional<ApplyStatus> last) {
        if (last.isEmpty() || last.get() == lastSeen) {
            return;
        }
        lastSeen = last.get();
        counts.merge(key(lastSeen.trigger(), lastSeen.ok() ? "ok" : "failed"), 1L, Long::sum);
    }

    /** "trigger\u0000result" -> count. */
    public synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    static String key(String trigger, String result) {
        return trigger + "\u0000" + result;
    }
}
