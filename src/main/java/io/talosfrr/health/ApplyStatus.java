// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last apply (the boot, or a live change of the env file), for health and JMX.
 *
 * @param trigger "boot" or "env-file"
 * @param diff    the FRR configuration lines changed (frr-reload's view), empty for a boot
 */
public record ApplyStatus(Instant time, String trigger, boolean ok, String error, List<String> diff,
        List<String> disruptive) {

    public ApplyStatus {
        diff = List.copyOf(diff);
        disruptive = List.copyOf(disruptive);
    }

    public static ApplyStatus success(String trigger, List<String> diff, List<String> disruptive) {
        return new ApplyStatus(Instant.now(), trigger, true, "", diff, disruptive);
    }

    public static ApplyStatus failure(String trigger, String error) {
        return new ApplyStatus(Instant.now(), trigger, false, error, List.of(), List.of());
    }
}
