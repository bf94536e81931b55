// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.net;

import java.util.List;

/** One `ip` invocation: its arguments (never a shell line) and what it does, for the log. */
public record IpCommand(List<String> args, String purpose) {

    public IpCommand {
        args = List.copyOf(args);
    }

    public static IpCommand of(String purpose, String... args) {
        return new IpCommand(List.of(args), purpose);
    }

    /** The command as a person would type it, for logs and `plan`. */
    public String commandLine() {
        return "ip " + String.join(" ", args);
    }
}
