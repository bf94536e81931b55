// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs FRR's own parser (Debian's vtysh --dryrun) over a file. Fails loudly when FRR is not installed. */
public final class FrrCheck {

    public static final Path VTYSH = Path.of(System.getProperty("frr.vtysh", "/usr/bin/vtysh"));

    public record Result(int exitCode, String output) {
    }

    private FrrCheck() {
    }

    public static Result dryRun(Path conf) throws IOException, InterruptedException {
        if (!Files.isExecutable(VTYSH)) {
            throw new IllegalStateException(VTYSH + " is missing: install FRR (apt-get install frr), as .ci/run does");
        }
        Process p = new ProcessBuilder(VTYSH.toString(), "--dryrun", "-f", conf.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("vtysh --dryrun did not finish in 30 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
