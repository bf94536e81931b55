// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonStarterExecTest {

    @TempDir
    Path dir;

    private final DaemonStarterExec exec = new DaemonStarterExec(Duration.ofSeconds(10));

    @AfterEach
    void killDaemon() throws Exception {
        Path pid = dir.resolve("daemon.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** As FRR 10's frrinit.sh start: exits at once, leaving a daemon that keeps the inherited stdout and stderr. */
    @Test
    void returnsWhenTheCommandExitsThoughADaemonKeepsItsOutput() throws Exception {
        Path script = script("sleep 120 & echo $! > " + dir.resolve("daemon.pid") + "\necho started\nexit 0\n");
        var result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> exec.execute(command(script, 20_000, Set.of(0))));
        assertEquals(0, result.getExitValue());
        long daemon = Long.parseLong(Files.readString(dir.resolve("daemon.pid")).strip());
        assertTrue(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false), "the daemon is left running");
    }

    @Test
    void anExitValueNotAllowedFailsNamingTheCommand() throws Exception {
        Path script = script("exit 3\n");
        ExecException e = assertThrows(ExecException.class, () -> exec.execute(command(script, 20_000, Set.of(0))));
        assertEquals(3, e.getExitValue());
        String said = ExecOutput.describe(e);
        assertTrue(said.startsWith("frrinit.sh start failed (exit 3)"), said);
    }

    /** Killed with what it waits for: a child left behind would hold the entrypoint's output. */
    @Test
    void aCommandThatDoesNotExitInTimeIsKilledWithItsChildrenAndFails() throws Exception {
        Path script = script("sleep 120 & echo $! > " + dir.resolve("daemon.pid") + "\nwait\n");
        ExecException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(ExecException.class, () -> exec.execute(command(script, 1000, Set.of(0)))));
        assertTrue(ExecOutput.describe(e).contains("did not exit within 1000 ms"), ExecOutput.describe(e));
        long child = Long.parseLong(Files.readString(dir.resolve("daemon.pid")).strip());
        Optional<ProcessHandle> left = ProcessHandle.of(child);
        if (left.isPresent()) {
            left.get().onExit().get(10, TimeUnit.SECONDS); // a TimeoutException here: the child was not killed
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child was killed");
    }

    /** As frrinit.sh start when SIGTERM comes: killed halfway, it would leave daemons no pid file names. */
    @Test
    void anInterruptedCommandIsLetFinishAndThenEndsTheRoute() throws Exception {
        Path script = script("sleep 1\nsleep 120 & echo $! > " + dir.resolve("daemon.pid") + "\nexit 0\n");
        List<Throwable> thrown = interruptedWhileRunning(exec, command(script, 20_000, Set.of(0)));

        assertEquals(1, thrown.size(), "one failure: " + thrown);
        assertInstanceOf(CommandInterruptedException.class, thrown.get(0));
        assertTrue(thrown.get(0).getMessage().contains("frrinit.sh start: finished (exit 0)"), thrown.get(0).getMessage());
        assertTrue(Files.exists(dir.resolve("daemon.pid")), "the command ran to its end");
    }

    @Test
    void anInterruptedCommandStillRunningAfterTheStopsGraceIsKilled() throws Exception {
        DaemonStarterExec quick = new DaemonStarterExec(Duration.ofSeconds(1));
        Path script = script("sleep 120 & echo $! > " + dir.resolve("daemon.pid") + "\nwait\n");
        // The grace of 1 s, not the timeout of 60 s, bounds it.
        List<Throwable> thrown = interruptedWhileRunning(quick, command(script, 60_000, Set.of(0)));

        assertInstanceOf(CommandInterruptedException.class, thrown.get(0));
        assertTrue(thrown.get(0).getMessage().contains("killed, still running after the stop's grace of 1 s"),
                thrown.get(0).getMessage());
        long child = Long.parseLong(Files.readString(dir.resolve("daemon.pid")).strip());
        Optional<ProcessHandle> left = ProcessHandle.of(child);
        if (left.isPresent()) {
            left.get().onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void awaitIdleReturnsOnlyOnceTheCommandInFlightHasEnded() throws Exception {
        Path script = script("sleep 1\necho done > " + dir.resolve("done") + "\n");
        Thread running = new Thread(() -> {
            try {
                exec.execute(command(script, 20_000, Set.of(0)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        running.start();
        Thread.sleep(300);

        assertTimeoutPreemptively(Duration.ofSeconds(30), exec::awaitIdle);

        assertTrue(Files.exists(dir.resolve("done")), "the command had ended");
        running.join();
    }

    /** Runs the command on a thread of its own, interrupts that thread 300 ms in, and returns what it threw. */
    private static List<Throwable> interruptedWhileRunning(DaemonStarterExec exec, ExecCommand command)
            throws InterruptedException {
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        Thread boot = new Thread(() -> {
            try {
                exec.execute(command);
            } catch (Throwable t) {
                thrown.add(t);
            }
        });
        boot.start();
        Thread.sleep(300);
        boot.interrupt();
        boot.join(30_000);
        assertFalse(boot.isAlive(), "the interrupted command still holds its thread");
        return thrown;
    }

    private Path script(String body) throws IOException {
        Path script = dir.resolve("frrinit.sh");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static ExecCommand command(Path script, long timeoutMs, Set<Integer> exitValues) {
        return new ExecCommand(script.toString(), List.of("start"), null, timeoutMs, exitValues, null, null, false, null);
    }
}
