// SPDX-License-Identifier: Apache-2.0
package io.talosfrr;

import io.talosfrr.app.CommandLine;
import io.talosfrr.app.Launch;
import io.talosfrr.app.Lifecycle;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;

/** The extension entrypoint: parses the command line and hands over to Camel Main and the routes. */
public final class TalosFrr {

    private TalosFrr() {
    }

    public static void main(String[] args) {
        System.exit(run(Launch.fromProcess(), args));
    }

    public static int run(Launch launch, String... args) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("talos-frr: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            return CommandLine.EXIT_CONFIG;
        }
        if (cli.mode() == CommandLine.Mode.HELP) {
            launch.out().print(CommandLine.USAGE);
            return 0;
        }
        Path home = home(launch);
        Main main = new Main();
        // No JVM shutdown hook: SIGTERM is handled by Lifecycle, which stops FRR first and exits 0.
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        Properties initial = new Properties();
        initial.setProperty("talosfrr.home", home.toString());
        main.setInitialProperties(initial);
        Properties overrides = new Properties();
        overrides.putAll(launch.overrides());
        cli.envFile().ifPresent(f -> overrides.setProperty("talosfrr.env-file", f.toAbsolutePath().toString()));
        main.setOverrideProperties(overrides);
        main.setPropertyPlaceholderLocations("file:" + home.resolve("conf/application.properties"));
        Lifecycle lifecycle = new Lifecycle(main, cli, launch);
        main.addMainListener(lifecycle);
        if (launch.handleSignals()) {
            lifecycle.installSignalHandlers();
        }
        try {
            main.run();
        } catch (Exception e) {
            System.err.println("talos-frr: could not start: " + e.getMessage());
            return 1;
        }
        return lifecycle.exitCode();
    }

    /**
     * The directory holding routes/, templates/ and conf/: TALOSFRR_HOME, else the jar's own
     * directory when those are beside it, else the working directory.
     */
    static Path home(Launch launch) {
        String env = launch.overrides().getProperty("talosfrr.home", launch.env().get("TALOSFRR_HOME"));
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        try {
            Path jarDir = Path.of(TalosFrr.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            if (jarDir != null && Files.isDirectory(jarDir.resolve("routes"))) {
                return jarDir;
            }
        } catch (URISyntaxException | SecurityException e) {
            // Fall through to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }
}
