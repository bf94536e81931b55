// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether this process has FRR running, so shutdown stops only what boot started. */
public final class FrrState {

    private final AtomicBoolean started = new AtomicBoolean();

    public void markStarted() {
        started.set(true);
    }

    public boolean started() {
        return started.get();
    }
}
