// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daemons are copies of sleep and sh named after FRR's, so that their executable says which daemon they are. */
class FrrStopTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aDaemonThatOutlivedFrrinitStopIsStoppedAndItsPidFileRemoved() throws Exception {
        Process zebra = daemon("zebra", "/bin/sleep", "120");
        Process mgmtd = daemon("mgmtd", "/bin/sleep", "120");

        assertEquals(2, stop(Duration.ofSeconds(10)).leftovers());

        assertFalse(zebra.isAlive(), "zebra stopped");
        assertFalse(mgmtd.isAlive(), "mgmtd stopped");
        assertFalse(Files.exists(runDir().resolve("zebra.pid")), "zebra.pid removed");
    }

    @Test
    void aDaemonThatIgnoresSigtermIsKilled() throws Exception {
        Process stubborn = daemon("staticd", "/bin/sh", "-c", "trap '' TERM; while :; do sleep 1; done");
        Thread.sleep(300); // the trap is set

        assertEquals(1, stop(Duration.ofMillis(500)).leftovers());

        stubborn.waitFor();
        assertFalse(stubborn.isAlive(), "killed");
    }

    @Test
    void aPidFileWhosePidIsNowAnotherProgramLeavesThatProgramAlone() throws Exception {
        Process other = new ProcessBuilder("/bin/sleep", "120").start();
        started.add(other);
        Files.createDirectories(runDir());
        Files.writeString(runDir().resolve("zebra.pid"), other.pid() + "\n");

        assertEquals(0, stop(Duration.ofSeconds(1)).leftovers());

        assertTrue(other.isAlive(), "sleep, not zebra, is left running");
    }

    @Test
    void nothingLeftIsNothingDone() throws Exception {
        Files.createDirectories(runDir());
        Files.writeString(runDir().resolve("bgpd.pid"), "999999999\n");

        assertEquals(0, stop(Duration.ofSeconds(1)).leftovers());
    }

    @Test
    void bgpFirstStopsWatchfrrAndBgpdAndNothingElse() throws Exception {
        Process watchfrr = daemon("watchfrr", "/bin/sleep", "120");
        Process bgpd = daemon("bgpd", "/bin/sleep", "120");
        Process bfdd = daemon("bfdd", "/bin/sleep", "120");

        stop(Duration.ofSeconds(10)).bgpFirst();

        assertFalse(watchfrr.isAlive(), "watchfrr stopped");
        assertFalse(bgpd.isAlive(), "bgpd stopped");
        assertTrue(bfdd.isAlive(), "bfdd is left to frrinit.sh stop");
    }

    private FrrStop stop(Duration wait) {
        return new FrrStop(new PidFiles(runDir()), wait);
    }

    private Path runDir() {
        return dir.resolve("run");
    }

    private Process daemon(String name, String program, String... args) throws IOException {
        Path executable = dir.resolve(name);
        Files.copy(Path.of(program), executable, StandardCopyOption.COPY_ATTRIBUTES);
        List<String> argv = new ArrayList<>(List.of(executable.toString()));
        argv.addAll(List.of(args));
        Process process = new ProcessBuilder(argv).start();
        started.add(process);
        Files.createDirectories(runDir());
        Files.writeString(runDir().resolve(name + ".pid"), process.pid() + "\n");
        return process;
    }
}
