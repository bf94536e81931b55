// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.apache.camel.component.exec.ExecException;
import org.apache.camel.component.exec.ExecResult;

/**
 * Runs a command that starts daemons ({@code frrinit.sh start|reload|stop}) for the exec component
 * ({@code commandExecutor: "#daemonStarterExec"}). FRR 10's daemons keep the stdout and stderr they
 * inherit; through a pipe, as Camel's default executor gives, the command's output would never end
 * and the route would wait for ever. Here the command (and so the daemons) writes to the
 * entrypoint's own output, which is the service's log, and only the command's exit is waited for,
 * bounded by the endpoint's timeout.
 */
public final class DaemonStarterExec implements ExecCommandExecutor {

    private static final InputStream NOTHING = new ByteArrayInputStream(new byte[0]);

    @Override
    public ExecResult execute(ExecCommand command) throws IOException {
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
        int exit;
        try {
            long timeout = command.getTimeout();
            if (timeout > 0 && !process.waitFor(timeout, TimeUnit.MILLISECONDS)) {
                kill(process);
                throw failure(command, "did not exit within " + timeout + " ms (killed)", -1);
            }
            exit = process.waitFor();
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new CommandInterruptedException(Path.of(command.getExecutable()).getFileName() + " "
                    + String.join(" ", command.getArgs()) + ": killed, the entrypoint is stopping");
        }
        if (!command.getExitValues().isEmpty() && !command.getExitValues().contains(exit)) {
            throw failure(command, "exited with " + exit + "; its output is in the log above", exit);
        }
        return new ExecResult(command, NOTHING, NOTHING, exit);
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
