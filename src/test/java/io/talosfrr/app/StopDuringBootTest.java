// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.talosfrr.support.FakeHost;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM is acted on whatever step the boot is in: here, a frrinit.sh start that does not return. */
class StopDuringBootTest {

    @TempDir
    Path tmp;
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void shutdown() {
        runner.shutdownNow();
    }

    @Test
    void aStopWhileFrrStartsEndsTheBootStopsFrrAndExitsZero() throws Exception {
        FakeHost host = new FakeHost(tmp).port("fab0", "02:00:00:00:01:01", 9000, true)
                .env(Map.of("NODE_IP", "10.0.0.10", "ASN_LOCAL", "65010", "FE_MACS", "02:00:00:00:01:01"))
                .setting("talosfrr.stop.boot-wait-seconds", "2");
        host.writeEnvFile("frrinit.start.hang", "");
        Future<Integer> run = runner.submit(() -> host.run("run"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!host.calls().contains("frrinit.sh start") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(host.calls().contains("frrinit.sh start"), "the boot never reached frrinit.sh start: " + host.calls());

        host.control().stop();

        // The hung start would hold the boot for 60 s; the stop lets it run 2 s more, then kills it.
        assertEquals(0, run.get(20, TimeUnit.SECONDS));
        assertEquals(1, host.calls().stream().filter("frrinit.sh start"::equals).count(), "the killed start is not retried");
        assertTrue(host.calls().contains("frrinit.sh stop"), "FRR, half started, is stopped: " + host.calls());
    }
}
