// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets whoever started `run` in-process (tests, the benchmark) know when the boot is done and stop
 * the run as SIGTERM would. The entrypoint's own main() uses the signal instead.
 */
public final class RunControl {

    private final CountDownLatch booted = new CountDownLatch(1);
    private final AtomicReference<Runnable> stop = new AtomicReference<>(() -> { });

    void onStop(Runnable action) {
        stop.set(action);
    }

    void markBooted() {
        booted.countDown();
    }

    public boolean awaitBooted(Duration timeout) throws InterruptedException {
        return booted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        stop.get().run();
    }
}
