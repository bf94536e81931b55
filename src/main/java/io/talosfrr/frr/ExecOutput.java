// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.frr;

import io.talosfrr.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.component.exec.ExecException;

/** What a failed command printed, on one line, for an error message a person can act on. */
public final class ExecOutput {

    private static final int MAX = 600;

    private ExecOutput() {
    }

    private static final Pattern COMMAND = Pattern.compile("args=\\[(.*?)\\], executable=([^,]+),");

    /** "COMMAND failed (exit N): OUTPUT", the command as the exec endpoint ran it. */
    public static String describe(ExecException failure) {
        return Secret.redact(command(failure)) + " failed (exit " + failure.getExitValue() + "): " + of(failure);
    }

    private static String command(ExecException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = COMMAND.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                String program = Path.of(m.group(2).strip()).getFileName().toString();
                return (program + " " + m.group(1).replace(", ", " ")).strip();
            }
        }
        return "a command";
    }

    /** The output on one line, its end kept when long; FRR's tools quote config lines, so passwords are hidden. */
    public static String of(ExecException failure) {
        String text = Secret.redact((read(failure.getStderr()) + " " + read(failure.getStdout())).strip())
                .replaceAll("\\s*\\n\\s*", " | ");
        if (text.isEmpty()) {
            return "(no output)";
        }
        // The cause is usually said last (a script's log lines come first): keep the end.
        return text.length() > MAX ? "..." + text.substring(text.length() - MAX) : text;
    }

    private static String read(InputStream in) {
        if (in == null) {
            return "";
        }
        try {
            try {
                in.reset();
            } catch (IOException notMarkable) {
                // Read what is left.
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
