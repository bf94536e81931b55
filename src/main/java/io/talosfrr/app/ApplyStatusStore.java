// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Holds the last {@link ApplyStatus}; written by boot and live changes, read by health, metrics and JMX. */
public final class ApplyStatusStore {

    private final AtomicReference<ApplyStatus> last = new AtomicReference<>();

    public void record(ApplyStatus status) {
        last.set(status);
    }

    public Optional<ApplyStatus> last() {
        return Optional.ofNullable(last.get());
    }
}
