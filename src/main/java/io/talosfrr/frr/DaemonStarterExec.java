// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.apache.camel.component.exec.ExecException;
import org.apache.camel.component.exec.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command that starts daemons ({@code frrinit.sh start|reload|stop}) for the exec component
 * ({@code commandExecutor: "#daemonStarterExec"}). FRR 10's daemons keep the stdout and stderr they
 * inherit; through a pipe, as Camel's default executor gives, the command's output would never end
 * and the route would wait for ever. Here the command (and so the daemons) writes to the
 * entrypoint's own output, which is the service's log, and only the command's exit is waited for,
 * bounded by the endpoint's timeout.
 *
 * <p>One command runs at a time, and a command is not killed the moment the entrypoint stops:
 * {@code frrinit.sh start} killed half-way leaves daemons that watchfrr had just started, detached
 * and with no pid file yet, which {@code frrinit.sh stop} then cannot see (seen in the lab with FRR
 * 10.3: mgmtd and zebra outlived the stop). An interrupted command is let finish within the stop's
 * grace ({@code talosfrr.stop.boot-wait-seconds}), and only then killed; {@link #awaitIdle} lets the
 * stop begin after it.
 */
public final class DaemonStarterExec implements ExecCommandExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("frr-command");
    private static final long LONGEST_MS = TimeUnit.DAYS.toMillis(1);
    private static final InputStream NOTHING = new ByteArrayInputStream(new byte[0]);

    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final Duration stopGrace;

    public DaemonStarterExec(Duration stopGrace) {
        this.stopGrace = stopGrace;
    }

    @Override
    public ExecResult execute(ExecCommand command) throws IOException {
        oneAtATime.lock();
        try {
            return run(command);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Returns once no command runs: one in flight ends first (each is bounded by its timeout). */
    public void awaitIdle() {
        if (oneAtATime.isLocked()) {
            LOG.info("stop-frr: waiting for the FRR command in flight to finish, so that every daemon it started is stopped");
        }
        oneAtATime.lock();
        oneAtATime.unlock();
    }

    private ExecResult run(ExecCommand command) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(command.getExecutable());
        argv.addAll(command.getArgs());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (command.getWorkingDir() != null) {
            builder.directory(new File(command.getWorkingDir()));
        }
        Process process = builder.start();
        long timeoutMs = command.getTimeout() > 0 ? Math.min(command.getTimeout(), LONGEST_MS) : LONGEST_MS;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        boolean interrupted = false;
        while (process.isAlive() && deadline - System.nanoTime() > 0) {
            try {
                process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    LOG.info("{}: the entrypoint is stopping; letting it finish first (at most {} s)", name(command),
                            stopGrace.toSeconds());
                    deadline = Math.min(deadline - System.nanoTime(), stopGrace.toNanos()) + System.nanoTime();
                }
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            String ended;
            if (process.isAlive()) {
                kill(process);
                ended = "killed, still running after the stop's grace of " + stopGrace.toSeconds() + " s";
            } else {
                ended = "finished (exit " + process.exitValue() + ")";
            }
            throw new CommandInterruptedException(name(command) + ": " + ended
                    + " while the entrypoint stops; nothing runs after it");
        }
        if (process.isAlive()) {
            kill(process);
            throw failure(command, "did not exit within " + timeoutMs + " ms (killed)", -1);
        }
        int exit = process.exitValue();
        if (!command.getExitValues().isEmpty() && !command.getExitValues().contains(exit)) {
            throw failure(command, "exited with " + exit + "; its output is in the log above", exit);
        }
        return new ExecResult(command, NOTHING, NOTHING, exit);
    }

    private static String name(ExecCommand command) {
        return Path.of(command.getExecutable()).getFileName() + " " + String.join(" ", command.getArgs());
    }

    /** The command and what it still waits for; daemons it already started have left its tree and stay. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    // The message carries the command as ExecOutput.describe reads it from Camel's own failures.
    private static ExecException failure(ExecCommand command, String what, int exit) {
        byte[] text = what.getBytes(StandardCharsets.UTF_8);
        return new ExecException("Failed to execute command " + command, NOTHING, new ByteArrayInputStream(text), exit);
    }
}
