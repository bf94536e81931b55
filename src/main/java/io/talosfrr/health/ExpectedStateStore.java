// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.health;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The expected state of the last configuration applied; keeps the first boot's time for the startup window. */
public final class ExpectedStateStore {

    private final AtomicReference<ExpectedState> current = new AtomicReference<>();

    public void update(ExpectedState next) {
        current.updateAndGet(old -> old == null ? next : next.since(old.bootedAt()));
    }

    public Optional<ExpectedState> current() {
        return Optional.ofNullable(current.get());
    }
}
