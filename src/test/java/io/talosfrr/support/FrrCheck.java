// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs FRR's own checks over a file, inside the lab's Debian roots (src/e2e/guest-root.sh): FRR 10.3,
 * the FRR the extension ships, always (fails loudly when its root is not built); 10.7 and 8.4 too
 * where their roots are built. No daemon is needed for either check.
 */
public final class FrrCheck {

    public static final String SHIPPED = "10.3";
    private static final Path GUEST_ROOT = Path.of("src/e2e/guest-root.sh").toAbsolutePath();

    public record Result(int exitCode, String output) {
    }

    private FrrCheck() {
    }

    /** 10.3, then every other FRR whose root is built here. */
    public static List<String> versions() throws IOException, InterruptedException {
        List<String> versions = new ArrayList<>(List.of(SHIPPED));
        for (String other : List.of("10.7", "8.4")) {
            Result path = run(List.of(GUEST_ROOT.toString(), "--frr", other, "path"));
            if (path.exitCode() == 0 && Files.exists(Path.of(path.output().strip(), "lab/complete"))) {
                versions.add(other);
            }
        }
        return versions;
    }

    /** vtysh --dryrun: FRR's parser accepts every line. */
    public static Result dryRun(Path conf) throws IOException, InterruptedException {
        return dryRun(SHIPPED, conf);
    }

    public static Result dryRun(String version, Path conf) throws IOException, InterruptedException {
        return inRoot(version, conf, "/usr/bin/vtysh", "--dryrun", "-f", inside(conf));
    }

    /** frr-reload.py --test against itself: the file as frr-reload.py reads it, for live changes. */
    public static Result reloadTest(String version, Path conf) throws IOException, InterruptedException {
        return inRoot(version, conf, "/usr/lib/frr/frr-reload.py", "--test", "--stdout", "--input", inside(conf), inside(conf));
    }

    private static String inside(Path conf) {
        return "/mnt/" + conf.getFileName();
    }

    private static Result inRoot(String version, Path conf, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(GUEST_ROOT.toString(), "--frr", version, "run", conf.toString()));
        argv.addAll(List.of(command));
        return run(argv);
    }

    private static Result run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", argv) + " did not finish in 60 s");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (output.contains("no guest root for FRR " + SHIPPED)) {
            throw new IllegalStateException(output.strip() + " (as .ci/run does)");
        }
        return new Result(p.exitValue(), output);
    }
}
