// SPDX-License-Identifier: Apache-2.0
package io.talosfrr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.talosfrr.support.FakeHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/boot.sh, the shell reference the benchmark compares the product with, plans what the product
 * plans for every golden scenario: the same ip commands and the same three FRR files, byte for byte.
 */
class BenchReferenceTest {

    static java.util.stream.Stream<String> scenarios() throws java.io.IOException {
        return GoldenFilesTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theShellReferencePlansWhatTheProductPlans(String scenario, @TempDir Path tmp) throws Exception {
        Path dir = GoldenFilesTest.GOLDEN.resolve(scenario);
        FakeHost host = GoldenFilesTest.host(tmp, dir);
        ProcessBuilder pb = new ProcessBuilder("bash", FakeHost.PROJECT.resolve("bench/boot.sh").toString(),
                "plan", "--env-file", dir.resolve("input.env").toString())
                .redirectError(tmp.resolve("stderr").toFile());
        pb.environment().put("TALOSFRR_IP_COMMAND", host.dir().resolve("bin/ip").toString());
        pb.environment().put("TALOSFRR_SYSFS_NET_DIR", host.sysfs().toString());
        pb.environment().put("FAKE_HOST_DIR", host.dir().toString());
        pb.environment().put("TALOSFRR_ENV_FILE", tmp.resolve("absent.env").toString());
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), scenario + ": bench/boot.sh plan failed: " + Files.readString(tmp.resolve("stderr")));

        Map<String, String> planned = GoldenFilesTest.sections(out);
        for (String name : GoldenFilesTest.FILES) {
            assertEquals(Files.readString(dir.resolve(name)), planned.get(name), scenario + "/" + name + " from bench/boot.sh");
        }
    }
}
