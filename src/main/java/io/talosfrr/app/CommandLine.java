// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.app;

import java.nio.file.Path;
import java.util.Optional;

/** `talos-frr [run|plan] [--env-file PATH]`; anything else is a usage error. */
public record CommandLine(Mode mode, Optional<Path> envFile, boolean once) {

    public enum Mode { RUN, PLAN, HELP }

    /** Exit status for a configuration or command line the program refuses (README, "Commands"). */
    public static final int EXIT_CONFIG = 2;

    public static final String USAGE = """
            usage: talos-frr [run [--once] | plan] [--env-file PATH]
              run    boot the node (VRF, veth, rule, FRR) and stay up: the extension entrypoint (default)
              plan   print the ip commands and FRR files run would apply now, and change nothing
              --env-file PATH   KEY=VALUE file layered over the environment (run watches it)
              --once            run: boot, then exit 0 leaving FRR running (no watch, no health server)
            """;

    public static CommandLine parse(String... args) {
        Mode mode = null;
        Path envFile = null;
        boolean once = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "run", "plan" -> {
                    if (mode != null) {
                        throw new IllegalArgumentException("one subcommand only, got " + mode.name().toLowerCase() + " and " + arg);
                    }
                    mode = arg.equals("run") ? Mode.RUN : Mode.PLAN;
                }
                case "--env-file" -> {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("--env-file needs a path");
                    }
                    envFile = Path.of(args[++i]);
                }
                case "--once" -> once = true;
                case "-h", "--help", "help" -> mode = Mode.HELP;
                default -> {
                    if (arg.startsWith("--env-file=")) {
                        envFile = Path.of(arg.substring("--env-file=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown argument " + arg);
                    }
                }
            }
        }
        if (once && mode == Mode.PLAN) {
            throw new IllegalArgumentException("--once goes with run, not plan");
        }
        return new CommandLine(mode == null ? Mode.RUN : mode, Optional.ofNullable(envFile), once);
    }
}
