// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

/**
 * What one run gets from outside: settings that override conf/application.properties, the process
 * environment, and where `plan` prints. main() passes the real ones; tests pass their own.
 */
public record Launch(Properties overrides, Map<String, String> env, PrintStream out, boolean handleSignals,
        RunControl control) {

    public static Launch fromProcess() {
        return new Launch(new Properties(), System.getenv(), System.out, true, new RunControl());
    }
}
