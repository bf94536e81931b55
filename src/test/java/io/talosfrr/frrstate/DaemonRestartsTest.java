// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frrstate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.talosfrr.frr.PidFiles;
import io.talosfrr.support.FrrFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts counted from pid files changing, as recorded when watchfrr restarted a killed bgpd. */
class DaemonRestartsTest {

    @Test
    void countsBgpdOnceWhenWatchfrrRestartedIt(@TempDir Path run) throws Exception {
        DaemonRestarts restarts = new DaemonRestarts();
        PidFiles pids = new PidFiles(run);
        writePids(run, "both-up");
        assertEquals(List.of(), restarts.observe(pids.read()));
        assertEquals(List.of(), restarts.observe(pids.read()));
        writePids(run, "bgpd-restarted");
        assertEquals(List.of("bgpd"), restarts.observe(pids.read()));
        assertEquals(Map.of("bfdd", 0L, "bgpd", 1L, "staticd", 0L, "watchfrr", 0L, "zebra", 0L), restarts.counts());
    }

    private static void writePids(Path run, String situation) throws Exception {
        for (String line : Files.readAllLines(FrrFixtures.ROOT.resolve("8.4").resolve(situation).resolve("pid-files.txt"))) {
            String[] parts = line.split(" ");
            Files.writeString(run.resolve(parts[0]), parts[1] + "\n");
        }
    }
}
