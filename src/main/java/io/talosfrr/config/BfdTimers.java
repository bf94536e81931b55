// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

/** The fabric sessions' BFD timers (bfdd's ranges): intervals in milliseconds, and the detection multiplier. */
public record BfdTimers(int receiveIntervalMs, int transmitIntervalMs, int detectMultiplier) {

    /** bfdd's own defaults: 300 ms both ways, down after 3 missed packets (900 ms). */
    public static final BfdTimers FRR_DEFAULT = new BfdTimers(300, 300, 3);
    static final int MIN_INTERVAL_MS = 10;
    static final int MAX_INTERVAL_MS = 60000;
    static final int MIN_MULTIPLIER = 2;
    static final int MAX_MULTIPLIER = 255;

    public boolean frrDefault() {
        return equals(FRR_DEFAULT);
    }
}
