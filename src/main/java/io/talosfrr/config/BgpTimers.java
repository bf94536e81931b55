// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.config;

/** A session class's BGP keepalive and hold time, in seconds; keepalive at most a third of hold. */
public record BgpTimers(int keepaliveSeconds, int holdSeconds) {

    /** The fabric's when unset: a dead leaf is noticed in 3 s even without BFD. */
    public static final BgpTimers FABRIC_DEFAULT = new BgpTimers(1, 3);
    static final int MIN_HOLD = 3;
    static final int MAX = 65535;
}
