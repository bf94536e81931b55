// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts daemon restarts (watchfrr's, or anyone's) by the daemon's pid file changing between two
 * observations. The first pid seen is the baseline, not a restart; a daemon that is gone and comes
 * back with a new pid counts once.
 */
public final class DaemonRestarts {

    private static final Logger LOG = LoggerFactory.getLogger("observe-frr");

    private final Map<String, Long> lastPid = new HashMap<>();
    private final Map<String, Long> counts = new TreeMap<>();

    /** Takes the pids of one observation; returns the daemons whose pid changed since the last. */
    public synchronized List<String> observe(Map<String, Long> pids) {
        List<String> restarted = new ArrayList<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            String daemon = e.getKey();
            Long before = lastPid.put(daemon, e.getValue());
            counts.putIfAbsent(daemon, 0L);
            if (before != null && !before.equals(e.getValue())) {
                long total = counts.merge(daemon, 1L, Long::sum);
                restarted.add(daemon);
                LOG.warn("observe-frr: {} restarted (pid {} -> {}); {} restart(s) since this process started",
                        daemon, before, e.getValue(), total);
            }
        }
        return restarted;
    }

    /** Restarts per daemon, every daemon ever seen included (zero when it never restarted). */
    public synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }
}
