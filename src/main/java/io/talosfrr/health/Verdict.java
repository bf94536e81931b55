// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import java.util.Map;

/** The outcome of one check: up or not, one sentence saying why, and the facts behind it. */
public record Verdict(boolean up, String message, Map<String, Object> details) {

    public Verdict {
        details = Map.copyOf(details);
    }
}
